package dev.streamcat.api.ivs;

import java.util.List;

/** The BatchGetStreamKeyResponse shape of the API. */
public record BatchGetStreamKeyResponse(List<StreamKey> streamKeys, List<BatchError> errors) {}
