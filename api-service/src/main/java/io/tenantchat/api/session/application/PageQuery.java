package io.tenantchat.api.session.application;

import io.tenantchat.api.error.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * One page of a listing: at most {@code limit} items after the opaque {@code cursor} (null for the first page).
 */
public record PageQuery(int limit, @Nullable String cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    public PageQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("invalid_limit", "limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public static PageQuery first(int limit) {
        return new PageQuery(limit, null);
    }
}
