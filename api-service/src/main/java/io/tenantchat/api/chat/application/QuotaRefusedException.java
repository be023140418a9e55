package io.tenantchat.api.chat.application;

/**
 * The {@link MessageIntake} could not write a message because its {@link QuotaClaim} passed a limit; nothing was
 * written. {@link ChatAdmission#refused} turns it into the caller's answer (429 with its headers).
 */
public final class QuotaRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final QuotaRefusal refusal;

    public QuotaRefusedException(QuotaRefusal refusal) {
        super("refused by " + refusal, null, false, false);
        this.refusal = refusal;
    }

    public QuotaRefusal refusal() {
        return refusal;
    }
}
