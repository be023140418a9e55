package io.tenantchat.api.isolation;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One hostile (or baseline) call: who calls with which ids, which statuses count as refused, which data must be
 * unchanged afterwards and which strings must not appear in the answer.
 */
record Attempt(String name, String bearerOrNull, Ids ids, Set<Integer> expected,
        Predicate<Map<String, AttributeValue>> guarded, Set<String> secrets) {

    static final Set<Integer> UNAUTHORIZED = Set.of(401);
    static final Set<Integer> FORBIDDEN = Set.of(403);
    static final Set<Integer> NOT_FOUND = Set.of(404);
    static final Set<Integer> HIDDEN = Set.of(403, 404);
    static final Set<Integer> MALFORMED = Set.of(400, 404);
    /** A malformed tenant in the path is 400; a well-formed one that is not the caller's is 403. */
    static final Set<Integer> MALFORMED_TENANT = Set.of(400, 403);
    static final Set<Integer> SUCCESS = Set.of(200, 201, 202, 204);
}
