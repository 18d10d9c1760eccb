package dev.streamcat.api.ivschat;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The ListRoomsResponse shape of the API. */
public record ListRoomsResponse(List<RoomSummary> rooms, @Nullable String nextToken) {}
