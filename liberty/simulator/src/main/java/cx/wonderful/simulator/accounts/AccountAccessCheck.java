package cx.wonderful.simulator.accounts;

import cx.wonderful.simulator.ApiError;

/** Turns an agent's access into the API's answer: 403 for a locked agent, 404 for an unknown one. */
public final class AccountAccessCheck {

    private AccountAccessCheck() {
    }

    public static void requireAgent(Accounts accounts, String agentId) {
        switch (accounts.agentAccess(agentId)) {
            case ALLOWED -> {
            }
            case FORBIDDEN -> throw new ApiError(403, "AGENT_FORBIDDEN", "agent " + agentId + " is not accessible");
            case NOT_FOUND -> throw ApiError.notFound("AGENT_NOT_FOUND", "no agent " + agentId);
        }
    }
}
