package cx.wonderful.microprofile.internal.realtime;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/** A {@link Session} of the test's: pings and closes go to the given actions; what else is asked has no effect. */
final class FakeSessions {

    private FakeSessions() {
    }

    /**
     * @param ping called with each ping's payload
     * @param close called with each close's reason, on the closing thread
     */
    static Session session(Consumer<ByteBuffer> ping, Consumer<CloseReason> close) {
        RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(FakeSessions.class.getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendPing")) {
                        ping.accept((ByteBuffer) args[0]);
                    }
                    return defaultValue(method.getReturnType());
                });
        return (Session) Proxy.newProxyInstance(FakeSessions.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAsyncRemote" -> remote;
                    case "isOpen" -> true;
                    case "close" -> {
                        close.accept(args == null ? new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "") : (CloseReason) args[0]);
                        yield null;
                    }
                    case "toString" -> "FakeSession";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> defaultValue(method.getReturnType());
                });
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class || type == long.class) {
            return type == int.class ? (Object) 0 : (Object) 0L;
        }
        return null;
    }
}
