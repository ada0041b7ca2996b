package cx.wonderful.simulator;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.Socket;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Aborts a connection without any response or close frame, as a network failure would: the TCP socket's output
 * is shut down at once and the socket closed with SO_LINGER 0, so the client reads end-of-stream or a reset. Neither the Servlet nor the WebSocket API can do this, so this class reaches the
 * socket through Open Liberty's implementation classes (servlet request -> IRequest -> HttpInboundConnection ->
 * TCPConnectionContext; WebSocket session -> SessionImpl -> WsocConnLink -> TCPConnectionContext; an HTTP/2-capable
 * context leads through its multiplexing link to the TCP one; then TCPConnLink -> SocketIOChannel -> Socket).
 * It is the simulator's only Liberty-specific code.
 */
public final class ConnectionAborter {

    private static final Logger LOG = Logger.getLogger(ConnectionAborter.class.getName());

    private ConnectionAborter() {
    }

    /** Resets the connection of an HTTP request; returns false when the socket could not be reached. */
    public static boolean abort(ServletRequest request) {
        ServletRequest unwrapped = request;
        while (unwrapped instanceof ServletRequestWrapper wrapper) {
            unwrapped = wrapper.getRequest();
        }
        try {
            Object iRequest = call(unwrapped, "getIRequest");
            Object connection = call(iRequest, "getHttpInboundConnection");
            return reset(socketOf(call(connection, "getTCPConnectionContext"), 0));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot reach the socket of an HTTP request to abort it", e);
            return false;
        }
    }

    /** Resets the connection of a WebSocket session; returns false when the socket could not be reached. */
    public static boolean abort(Session session) {
        try {
            Object connLink = field(field(session, "impl"), "connLink");
            return reset(socketOf(field(connLink, "tcpConnection"), 0));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot reach the socket of a WebSocket session to abort it", e);
            return false;
        }
    }

    /** Follows TCP connection contexts down to the socket: TCPConnLink, or an HTTP/2 context's TCP context. */
    private static Socket socketOf(Object context, int depth) throws ReflectiveOperationException {
        if (context == null || depth > 4) {
            throw new NoSuchMethodException("no socket found");
        }
        if (has(context, "getSocketIOChannel")) {
            return (Socket) call(call(context, "getSocketIOChannel"), "getSocket");
        }
        if (hasField(context, "muxLink")) {
            return socketOf(call(field(context, "muxLink"), "getTCPConnectionContext"), depth + 1);
        }
        return socketOf(call(context, "getDeviceLink"), depth + 1);
    }

    private static boolean reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            // The selector may defer closing a registered channel; shutting the output down acts at once.
            socket.shutdownOutput();
            socket.close();
            return true;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot reset a socket", e);
            return false;
        }
    }

    private static boolean has(Object target, String method) {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            for (Method candidate : type.getDeclaredMethods()) {
                if (candidate.getName().equals(method) && candidate.getParameterCount() == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasField(Object target, String name) {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            for (Field candidate : type.getDeclaredFields()) {
                if (candidate.getName().equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Object call(Object target, String name) throws ReflectiveOperationException {
        if (target == null) {
            throw new NoSuchMethodException(name + " on null");
        }
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() == 0) {
                    method.setAccessible(true);
                    return method.invoke(target);
                }
            }
        }
        throw new NoSuchMethodException(target.getClass().getName() + "." + name);
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        if (target == null) {
            throw new NoSuchFieldException(name + " on null");
        }
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException e) {
                // not declared here: look in the superclass
            }
        }
        throw new NoSuchFieldException(target.getClass().getName() + "." + name);
    }
}
