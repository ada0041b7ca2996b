package cx.wonderful.simulator.accounts;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The simulator's accounts, read from its MicroProfile Config ({@code simulator.*} keys, defaults in the war's
 * {@code META-INF/microprofile-config.properties}): API keys and Wonderful tokens with their tenants, the
 * workspace, the agents and the admin key.
 */
public final class Accounts {

    /** A Wonderful token's owner. */
    public record TokenOwner(String tenantId, String subject) {
        public TokenOwner {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(subject, "subject");
        }
    }

    private final Map<String, String> apiKeyTenants;
    private final Map<String, TokenOwner> tokens;
    private final Set<String> tenants;
    private final String workspaceId;
    private final Set<String> agents;
    private final String defaultAgent;
    private final Set<String> lockedAgents;
    private final String adminKey;
    private final String jwtIssuer;
    private final Duration pingInterval;
    private final Duration maxBlock;

    public Accounts(Map<String, String> apiKeyTenants, Map<String, TokenOwner> tokens, Set<String> tenants,
            String workspaceId, Set<String> agents, String defaultAgent, Set<String> lockedAgents, String adminKey,
            String jwtIssuer, Duration pingInterval, Duration maxBlock) {
        this.apiKeyTenants = Map.copyOf(apiKeyTenants);
        this.tokens = Map.copyOf(tokens);
        this.tenants = Set.copyOf(tenants);
        this.workspaceId = requireText(workspaceId, "workspaceId");
        this.agents = Set.copyOf(agents);
        this.defaultAgent = requireText(defaultAgent, "defaultAgent");
        this.lockedAgents = Set.copyOf(lockedAgents);
        this.adminKey = requireText(adminKey, "adminKey");
        this.jwtIssuer = requireText(jwtIssuer, "jwtIssuer");
        this.pingInterval = Objects.requireNonNull(pingInterval, "pingInterval");
        this.maxBlock = Objects.requireNonNull(maxBlock, "maxBlock");
        if (!this.agents.contains(this.defaultAgent)) {
            throw new IllegalArgumentException("the default agent must be one of the accessible agents");
        }
        if (pingInterval.isNegative() || pingInterval.isZero()) {
            throw new IllegalArgumentException("pingInterval must be positive");
        }
    }

    /** Reads every {@code simulator.*} key through {@code lookup}; a missing key is a configuration error. */
    public static Accounts from(Function<String, Optional<String>> lookup) {
        Function<String, String> required = key -> lookup.apply(key)
                .orElseThrow(() -> new IllegalStateException("missing simulator config key " + key));
        Map<String, TokenOwner> tokens = new LinkedHashMap<>();
        pairs(required.apply("simulator.tokens")).forEach((token, owner) -> {
            int colon = owner.indexOf(':');
            if (colon <= 0 || colon == owner.length() - 1) {
                throw new IllegalStateException("simulator.tokens entries are token=tenant:subject");
            }
            tokens.put(token, new TokenOwner(owner.substring(0, colon), owner.substring(colon + 1)));
        });
        return new Accounts(pairs(required.apply("simulator.api-keys")), tokens,
                list(required.apply("simulator.tenants")), required.apply("simulator.workspace-id"),
                list(required.apply("simulator.agents")), required.apply("simulator.default-agent"),
                list(lookup.apply("simulator.locked-agents").orElse("")), required.apply("simulator.admin-key"),
                required.apply("simulator.jwt.issuer"),
                Duration.ofSeconds(Long.parseLong(required.apply("simulator.ws.ping-interval-seconds").trim())),
                Duration.ofSeconds(Long.parseLong(required.apply("simulator.chat.max-block-seconds").trim())));
    }

    /** The tenant of an API key, if the key is known. */
    public Optional<String> tenantOfApiKey(String apiKey) {
        return Optional.ofNullable(apiKeyTenants.get(apiKey));
    }

    /** The owner of a Wonderful token, if the token is known. */
    public Optional<TokenOwner> ownerOfToken(String token) {
        return Optional.ofNullable(tokens.get(token));
    }

    /** Every Wonderful token of a subject. */
    public List<String> tokensOf(String subject) {
        return tokens.entrySet().stream().filter(e -> e.getValue().subject().equals(subject))
                .map(Map.Entry::getKey).toList();
    }

    /** Whether an agent exists and may be used, exists but is locked, or does not exist. */
    public AgentAccess agentAccess(String agentId) {
        if (agents.contains(agentId)) {
            return AgentAccess.ALLOWED;
        }
        return lockedAgents.contains(agentId) ? AgentAccess.FORBIDDEN : AgentAccess.NOT_FOUND;
    }

    public Set<String> tenants() {
        return tenants;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String defaultAgent() {
        return defaultAgent;
    }

    public Set<String> agents() {
        return agents;
    }

    public String adminKey() {
        return adminKey;
    }

    public String jwtIssuer() {
        return jwtIssuer;
    }

    public Duration pingInterval() {
        return pingInterval;
    }

    public Duration maxBlock() {
        return maxBlock;
    }

    private static Map<String, String> pairs(String value) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String entry : list(value)) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalStateException("expected name=value entries, got one without '='");
            }
            pairs.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return pairs;
    }

    private static Set<String> list(String value) {
        Set<String> items = new LinkedHashSet<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
