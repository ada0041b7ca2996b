package cx.wonderful.simulator.auth;

/** Masks a credential for the journal: enough to tell demo credentials apart, never the secret itself. */
public final class Secrets {

    private Secrets() {
    }

    /** The first four characters of a long secret followed by {@code ****}; a short one is all stars. */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "";
        }
        return secret.length() <= 8 ? "****" : secret.substring(0, 4) + "****";
    }
}
