package cx.wonderful.simulator;

import cx.wonderful.simulator.accounts.Accounts;
import cx.wonderful.simulator.admin.FaultRegistry;
import cx.wonderful.simulator.auth.Authenticator;
import cx.wonderful.simulator.auth.TokenRevocations;
import cx.wonderful.simulator.chat.ScriptedAgent;
import cx.wonderful.simulator.chat.SessionStore;
import cx.wonderful.simulator.communications.SeedHistory;
import cx.wonderful.simulator.journal.Journal;
import cx.wonderful.simulator.jwt.JwtService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the simulator's plain classes (unit-tested without a container) as application-wide singletons. */
@ApplicationScoped
public class SimulatorBeans {

    /** How many journal entries are kept; older ones are dropped first. */
    static final int JOURNAL_CAPACITY = 10_000;

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    JwtService jwtService(Accounts accounts) {
        return new JwtService(accounts.jwtIssuer());
    }

    @Produces
    @Singleton
    TokenRevocations revocations() {
        return new TokenRevocations();
    }

    @Produces
    @Singleton
    Authenticator authenticator(Accounts accounts, JwtService jwts, TokenRevocations revocations, Clock clock) {
        return new Authenticator(accounts, jwts, revocations, clock);
    }

    @Produces
    @Singleton
    SessionStore sessions(Clock clock) {
        return new SessionStore(clock, new ScriptedAgent());
    }

    @Produces
    @Singleton
    Journal journal() {
        return new Journal(JOURNAL_CAPACITY);
    }

    @Produces
    @Singleton
    FaultRegistry faults() {
        return new FaultRegistry();
    }

    @Produces
    @Singleton
    SeedHistory seedHistory(Accounts accounts) {
        return new SeedHistory(accounts.tenants(), accounts.agents());
    }
}
