package io.tenantchat.shared.table;

import io.tenantchat.shared.MessageId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Layout of the tenants table: one partition per tenant ({@value #TENANT_ID}), items by sort key ({@value #SK}):
 * the {@value #PLAN}; the counters {@code second#<epoch>}, {@code day#<yyyy-MM-dd>}, {@code month#<yyyy-MM>}
 * (messages, {@link Counter}), {@code tokens#<yyyy-MM>} ({@link Tokens}) and {@value #LIVE} ({@link Live}); and one
 * {@code hold#<message>} per admitted message ({@link Hold}). api-service takes quota, worker-service gives holds
 * back, usage-aggregator books real tokens: all three build keys and name attributes from here.
 */
public final class TenantsTable {

    public static final String TENANT_ID = "tenant_id";
    public static final String SK = "sk";
    /** The TTL attribute (epoch seconds) of counters and holds; the plan has none. */
    public static final String EXPIRES_AT = "expires_at";

    public static final String PLAN = "plan";
    /**
     * The tenant's profile (api-service's profile feature writes it; its tenant feature and worker-service read it
     * with the {@value #PLAN} in one Query, {@code sk BETWEEN plan AND profile}).
     */
    public static final String PROFILE = "profile";
    /** The item counting a tenant's in-flight messages, unless a hold names another ({@link Hold#COUNTER_KEY}). */
    public static final String LIVE = "live";
    public static final String HOLD_PREFIX = "hold#";

    private TenantsTable() {
    }

    public static String second(long epochSecond) {
        return "second#" + epochSecond;
    }

    public static String day(String day) {
        return "day#" + day;
    }

    public static String month(String month) {
        return "month#" + month;
    }

    public static String tokens(String month) {
        return "tokens#" + month;
    }

    public static String hold(MessageId messageId) {
        return HOLD_PREFIX + messageId.value();
    }

    /** The message a hold's sort key names; empty for any other item or a malformed id. */
    public static Optional<MessageId> heldMessage(String sortKey) {
        if (!sortKey.startsWith(HOLD_PREFIX)) {
            return Optional.empty();
        }
        String id = sortKey.substring(HOLD_PREFIX.length());
        return MessageId.isValid(id) ? Optional.of(MessageId.of(id)) : Optional.empty();
    }

    /** The item that counts the slot of a hold whose {@link Hold#COUNTER_KEY} is {@code counterKey} (may be absent). */
    public static String counterItem(@Nullable String counterKey) {
        return counterKey == null || counterKey.isBlank() ? LIVE : counterKey;
    }

    /** The request, day and month counters: how many were counted. */
    public static final class Counter {
        public static final String COUNT = "n";

        private Counter() {
        }
    }

    /** A month's token counter. */
    public static final class Tokens {
        /** Used plus reserved. */
        public static final String COMMITTED = "committed";
        public static final String RESERVED = "reserved";
        /** The give-back of a reservation of {@code :minus} (negative) tokens. */
        public static final String RELEASE = "ADD " + COMMITTED + " :minus, " + RESERVED + " :minus";

        private Tokens() {
        }
    }

    /** The in-flight counter item. */
    public static final class Live {
        /** Messages admitted and not ended. */
        public static final String INFLIGHT = "inflight";
        /** Map of session id to its messages in flight. */
        public static final String SESSIONS = "sessions";
        /** The give-back of one slot of session {@code #sid} ({@code :minus} = -1, {@code :one} = 1)... */
        public static final String RELEASE_SLOT = "ADD " + INFLIGHT + " :minus SET " + SESSIONS + ".#sid = "
                + SESSIONS + ".#sid - :one";
        /** ...on condition the session is counted. */
        public static final String RELEASE_SLOT_CONDITION = "attribute_exists(" + SESSIONS + ".#sid)";
        /** Drops session {@code #sid} from the map... */
        public static final String FORGET_SESSION = "REMOVE " + SESSIONS + ".#sid";
        /** ...on condition nothing of it is in flight ({@code :zero} = 0). */
        public static final String FORGET_SESSION_CONDITION = SESSIONS + ".#sid <= :zero";

        private Live() {
        }
    }

    /**
     * A message's hold: what it took, each given back exactly once by removing the attribute on condition it is
     * still there ({@value #IN_FLIGHT}: one in-flight slot; {@value #RESERVED}: tokens of {@value #MONTH}).
     */
    public static final class Hold {
        public static final String SESSION_ID = "session_id";
        public static final String MONTH = "month";
        public static final String DAY = "day";
        public static final String IN_FLIGHT = "in_flight";
        public static final String RESERVED = "reserved";
        /** Epoch second the hold was taken. */
        public static final String HELD_AT = "held_at";
        /** The item counting the slot when it is not {@link TenantsTable#LIVE}. */
        public static final String COUNTER_KEY = "counter_key";

        private Hold() {
        }

        /**
         * The update of a give-back: removes what is given back ({@code inFlight}: the slot, {@code reserved}: the
         * reservation), with {@link #releaseCondition} so that a second give-back changes nothing.
         */
        public static String releaseUpdate(boolean inFlight, boolean reserved) {
            return "REMOVE " + String.join(", ", given(inFlight, reserved, IN_FLIGHT, RESERVED));
        }

        /** The condition of {@link #releaseUpdate}: each attribute still there, the reservation still {@code :t}. */
        public static String releaseCondition(boolean inFlight, boolean reserved) {
            return String.join(" AND ", given(inFlight, reserved, "attribute_exists(" + IN_FLIGHT + ")",
                    RESERVED + " = :t"));
        }

        private static List<String> given(boolean inFlight, boolean reserved, String slot, String reservation) {
            if (!inFlight && !reserved) {
                throw new IllegalArgumentException("a give-back gives back something");
            }
            return inFlight && reserved ? List.of(slot, reservation) : List.of(inFlight ? slot : reservation);
        }
    }

    /** The plan item's attributes read by more than one service. */
    public static final class Plan {
        public static final String MAX_IN_FLIGHT = "max_in_flight";
        /** S: the model every reply of the tenant uses when its profile names none. */
        public static final String MODEL_OVERRIDE = "model_override";

        private Plan() {
        }
    }

    /**
     * The profile item ({@value TenantsTable#PROFILE}): api-service writes it, worker-service reads the model
     * settings, api-service's plan cache the retention. Every setting is optional: absent means the deployment's.
     */
    public static final class Profile {
        /** N: raised by every save, the condition of the next. */
        public static final String VERSION = "version";
        public static final String SYSTEM_PROMPT = "system_prompt";
        public static final String MODEL = "model";
        public static final String MAX_OUTPUT_TOKENS = "max_output_tokens";
        public static final String TEMPERATURE = "temperature";
        public static final String GUARDRAIL_ID = "guardrail_id";
        public static final String GUARDRAIL_VERSION = "guardrail_version";
        public static final String HISTORY_MAX_TURNS = "history_max_turns";
        public static final String HISTORY_MAX_CHARS = "history_max_chars";
        /** N: the tenant's retention of conversations in days (0: kept forever); absent: its tier's default. */
        public static final String RETENTION_DAYS = "retention_days";
        public static final String UPDATED_AT = "updated_at";
        public static final String UPDATED_BY = "updated_by";

        private Profile() {
        }
    }
}
