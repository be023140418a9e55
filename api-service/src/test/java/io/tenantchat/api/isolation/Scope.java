package io.tenantchat.api.isolation;

import static io.tenantchat.api.isolation.Attempt.FORBIDDEN;
import static io.tenantchat.api.isolation.Attempt.HIDDEN;
import static io.tenantchat.api.isolation.Attempt.MALFORMED;
import static io.tenantchat.api.isolation.Attempt.MALFORMED_TENANT;
import static io.tenantchat.api.isolation.Attempt.NOT_FOUND;
import static io.tenantchat.api.isolation.Attempt.SUCCESS;

import java.util.Set;

/**
 * What an operation touches, which decides how each attack must be answered. "Success" answers are still checked
 * to leak none of the victim's data and change none of it.
 */
enum Scope {
    /** Addresses one resource of the caller by id: anyone else's id is 404 (or 403 for a claimed identity). */
    OWN_RESOURCE(false, HIDDEN, HIDDEN, HIDDEN, NOT_FOUND, MALFORMED),
    /** Lists or creates within the caller's own tenant and user: others succeed, but see and change only theirs. */
    CALLER_COLLECTION(false, SUCCESS, SUCCESS, SUCCESS, null, null),
    /**
     * Acts for the caller alone in its own tenant and queues a job for it ({@code POST /v1/chat/completions}):
     * others succeed, in their own tenant; none of the victim's data changes (the queue's job count grows by their
     * own jobs).
     */
    CALLER_REQUEST(false, SUCCESS, SUCCESS, SUCCESS, null, null),
    /** Names the tenant in the path, open to every member of that tenant (e.g. usage totals). */
    TENANT_RESOURCE(false, HIDDEN, SUCCESS, SUCCESS, HIDDEN, MALFORMED_TENANT),
    /** Names the tenant in the path and needs the tenant-admin group. */
    TENANT_ADMIN(true, FORBIDDEN, SUCCESS, FORBIDDEN, FORBIDDEN, MALFORMED_TENANT),
    /**
     * One resource of a tenant (an API key) under the tenant in the path, for its tenant-admin: another tenant's
     * admin naming its own tenant with this tenant's resource id finds nothing (404).
     */
    TENANT_ADMIN_RESOURCE(true, FORBIDDEN, NOT_FOUND, FORBIDDEN, FORBIDDEN, MALFORMED_TENANT),
    /**
     * A user's erasure ({@code POST /api/tenants/{tenantId}/users/{userId}/erase}), owned by the tenant's
     * tenant-admin: another tenant's admin with this tenant's ids is refused; with its own tenant and user it erases
     * itself (its own data only); another user of the same tenant is refused; API keys never erase.
     */
    USER_ERASURE(true, HIDDEN, SUCCESS, FORBIDDEN, null, null),
    /**
     * Platform administration ({@code /api/admin/**}): only the platform-operator group. Every tenant member and
     * tenant-admin, of any tenant, is refused; the operation's own input validation is tested by its web tests.
     */
    PLATFORM_OPERATOR(true, FORBIDDEN, FORBIDDEN, FORBIDDEN, null, null);

    /**
     * Whether the owner's legitimate call is made by the victim tenant's tenant-admin rather than the victim (for
     * {@link #PLATFORM_OPERATOR}: by a platform operator, while tenant-admins are among the attackers).
     */
    final boolean adminOwner;
    /** Another tenant's token with this tenant's ids. */
    final Set<Integer> otherTenant;
    /** Another tenant's token with its own tenant and user, but this tenant's resource ids. */
    final Set<Integer> otherTenantOwnIdentity;
    /** Another user of the same tenant on the victim's ids. */
    final Set<Integer> otherUser;
    /** The victim's own token with well-formed ids that exist nowhere (null: the operation takes no ids). */
    final Set<Integer> guessed;
    /** The victim's own token with ids that are not ids (null: the operation takes no ids). */
    final Set<Integer> malformed;

    Scope(boolean adminOwner, Set<Integer> otherTenant, Set<Integer> otherTenantOwnIdentity, Set<Integer> otherUser,
            Set<Integer> guessed, Set<Integer> malformed) {
        this.adminOwner = adminOwner;
        this.otherTenant = otherTenant;
        this.otherTenantOwnIdentity = otherTenantOwnIdentity;
        this.otherUser = otherUser;
        this.guessed = guessed;
        this.malformed = malformed;
    }

    boolean operatorOnly() {
        return this == PLATFORM_OPERATOR;
    }

    boolean addressedByTenant() {
        return this == TENANT_RESOURCE || this == TENANT_ADMIN || this == TENANT_ADMIN_RESOURCE;
    }
}
