package cx.wonderful.testkit;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5: every test starts on a reset simulator ({@link WonderfulSimulator#reset()}: no chats, faults,
 * revocations or journal left by an earlier test), and a test method or constructor may take a
 * {@link WonderfulSimulator} parameter. The simulator is {@link WonderfulSimulator#located()}: set the system
 * property {@value WonderfulSimulator#BASE_URL_PROPERTY} for tests that run outside the server.
 *
 * <pre>{@code
 * @ExtendWith(ArquillianExtension.class)
 * @ExtendWith(SimulatorExtension.class)
 * class OrdersIT {
 *     @Test @RunAsClient
 *     void retriesWhenWonderfulIsDown(WonderfulSimulator simulator) { simulator.failNext("/api/v1/communications", 1, 503); ... }
 * }
 * }</pre>
 */
public final class SimulatorExtension implements BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SimulatorExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        simulator(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == WonderfulSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return simulator(context);
    }

    private static WonderfulSimulator simulator(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(WonderfulSimulator.class,
                type -> WonderfulSimulator.located(), WonderfulSimulator.class);
    }
}
