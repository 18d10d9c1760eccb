package dev.streamcat.engine.tag;

import dev.streamcat.api.ResourceNotFoundException;
import dev.streamcat.api.ValidationException;
import dev.streamcat.api.tag.ListTagsForResourceRequest;
import dev.streamcat.api.tag.ListTagsForResourceResponse;
import dev.streamcat.api.tag.TagResourceRequest;
import dev.streamcat.api.tag.UntagResourceRequest;
import dev.streamcat.engine.resource.Arn;
import dev.streamcat.engine.resource.Validation;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * TagResource, UntagResource and ListTagsForResource for one service. Which ARNs exist is asked of
 * the service through {@code exists}. Thread-safe.
 */
public final class TagOperations {
    private static final Pattern RESOURCE_ARN =
            Pattern.compile("^arn:aws:[a-z0-9-]+:[a-z0-9-]+:[0-9]+:[a-z-]+/[a-zA-Z0-9-]+$");

    private final String service;
    private final Jdbi jdbi;
    private final TagStore tags;
    private final BiPredicate<Handle, Arn> exists;
    private final String resourceTypeForErrors;

    /**
     * @param exists whether the ARN names an existing tag-able resource of this service
     * @param resourceTypeForErrors the {@code resourceType} written into not-found errors
     */
    public TagOperations(
            String service, Jdbi jdbi, TagStore tags, BiPredicate<Handle, Arn> exists, String resourceTypeForErrors) {
        this.service = service;
        this.jdbi = jdbi;
        this.tags = tags;
        this.exists = exists;
        this.resourceTypeForErrors = resourceTypeForErrors;
    }

    public void tagResource(TagResourceRequest request) {
        Map<String, String> newTags = request.tags();
        new Validation().required("tags", newTags).tags("tags", newTags).throwIfInvalid();
        jdbi.useTransaction(handle -> {
            Arn arn = existing(handle, request.resourceArn());
            if (tags.countAfterPut(handle, arn.toString(), newTags) > Validation.MAX_TAGS) {
                throw ValidationException.field("tags", "A resource can have at most " + Validation.MAX_TAGS + " tags");
            }
            tags.put(handle, arn.toString(), newTags);
        });
    }

    public void untagResource(UntagResourceRequest request) {
        List<String> keys = request.tagKeys();
        new Validation().required("tagKeys", keys).size("tagKeys", keys, 1, 50).throwIfInvalid();
        jdbi.useTransaction(handle -> {
            Arn arn = existing(handle, request.resourceArn());
            tags.remove(handle, arn.toString(), keys);
        });
    }

    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        return jdbi.inTransaction(handle -> {
            Arn arn = existing(handle, request.resourceArn());
            return new ListTagsForResourceResponse(tags.tags(handle, arn.toString()));
        });
    }

    private Arn existing(Handle handle, String resourceArn) {
        new Validation()
                .required("resourceArn", resourceArn)
                .length("resourceArn", resourceArn, 1, 128)
                .pattern("resourceArn", resourceArn, RESOURCE_ARN)
                .throwIfInvalid();
        Arn arn = Arn.parse(resourceArn).orElseThrow();
        if (!arn.service().equals(service) || !exists.test(handle, arn)) {
            throw new ResourceNotFoundException(
                    "Resource not found: " + resourceArn, arn.resourceId(), resourceTypeForErrors);
        }
        return arn;
    }
}
