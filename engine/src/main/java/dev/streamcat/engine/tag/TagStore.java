package dev.streamcat.engine.tag;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * Tags of every engine resource, keyed by ARN. Methods take the caller's {@link Handle} so tags
 * change in the same transaction as their resource. Stateless and thread-safe.
 */
public final class TagStore {

    public Map<String, String> tags(Handle handle, String arn) {
        Map<String, String> tags = new TreeMap<>();
        handle.createQuery("SELECT tag_key, tag_value FROM engine_tag WHERE resource_arn = :arn")
                .bind("arn", arn)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> tags.put(e.getKey(), e.getValue()));
        return tags;
    }

    /** Tags of many resources at once; every requested ARN is in the result (empty map if untagged). */
    public Map<String, Map<String, String>> tags(Handle handle, Collection<String> arns) {
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        for (String arn : arns) {
            result.put(arn, new TreeMap<>());
        }
        if (arns.isEmpty()) {
            return result;
        }
        handle.createQuery("SELECT resource_arn, tag_key, tag_value FROM engine_tag WHERE resource_arn IN (<arns>)")
                .bindList("arns", List.copyOf(arns))
                .map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                .forEach(row ->
                        result.computeIfAbsent(row.get(0), k -> new TreeMap<>()).put(row.get(1), row.get(2)));
        return result;
    }

    /** Adds or replaces the given tags. */
    public void put(Handle handle, String arn, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        Map<String, String> existing = tags(handle, arn);
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String sql = existing.containsKey(tag.getKey())
                    ? "UPDATE engine_tag SET tag_value = :value WHERE resource_arn = :arn AND tag_key = :key"
                    : "INSERT INTO engine_tag (resource_arn, tag_key, tag_value) VALUES (:arn, :key, :value)";
            handle.createUpdate(sql)
                    .bind("arn", arn)
                    .bind("key", tag.getKey())
                    .bind("value", tag.getValue())
                    .execute();
        }
    }

    /** The number of tags the resource would have after {@link #put}. */
    public int countAfterPut(Handle handle, String arn, Map<String, String> tags) {
        Map<String, String> merged = new HashMap<>(tags(handle, arn));
        merged.putAll(tags);
        return merged.size();
    }

    public void remove(Handle handle, String arn, Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        handle.createUpdate("DELETE FROM engine_tag WHERE resource_arn = :arn AND tag_key IN (<keys>)")
                .bind("arn", arn)
                .bindList("keys", List.copyOf(keys))
                .execute();
    }

    public void removeAll(Handle handle, String arn) {
        handle.createUpdate("DELETE FROM engine_tag WHERE resource_arn = :arn")
                .bind("arn", arn)
                .execute();
    }
}
