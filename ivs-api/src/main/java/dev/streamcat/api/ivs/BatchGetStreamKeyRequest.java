package dev.streamcat.api.ivs;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The BatchGetStreamKeyRequest shape of the API. */
public record BatchGetStreamKeyRequest(@Nullable List<String> arns) {}
