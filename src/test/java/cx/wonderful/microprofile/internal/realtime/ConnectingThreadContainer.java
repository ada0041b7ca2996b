package cx.wonderful.microprofile.internal.realtime;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A client container that behaves as Open Liberty's can: {@code onOpen} runs on the thread that called
 * {@code connectToServer}, before that returns, and a {@code Session.close} made inside {@code onOpen} waits for the
 * peer's close frame, which is read only once {@code onOpen} returned: here it blocks for {@link #HANG} whatever
 * interrupts it. The test holds each handshake before {@code onOpen} until it {@link #release releases} it.
 * Built on the Tyrus client; only {@code connectToServer(Endpoint, ClientEndpointConfig, URI)} is changed.
 */
final class ConnectingThreadContainer {

    static final long HANG = TimeUnit.SECONDS.toMillis(8);

    final CountDownLatch beforeOnOpen = new CountDownLatch(1);
    final CountDownLatch onOpenReturned = new CountDownLatch(1);
    final CountDownLatch closed = new CountDownLatch(1);
    final AtomicBoolean closedInsideOnOpen = new AtomicBoolean();
    final List<Integer> closeCodes = new CopyOnWriteArrayList<>();
    final AtomicReference<Thread> connectingThread = new AtomicReference<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile Thread insideOnOpen;
    private final WebSocketContainer delegate;
    final WebSocketContainer container;

    ConnectingThreadContainer(WebSocketContainer delegate) {
        this.delegate = delegate;
        this.container = (WebSocketContainer) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WebSocketContainer.class}, (proxy, method, args) -> {
                    if (method.getName().equals("connectToServer") && args.length == 3 && args[0] instanceof Endpoint endpoint) {
                        return connect(endpoint, (ClientEndpointConfig) args[1], (URI) args[2]);
                    }
                    return invoke(method, delegate, args);
                });
    }

    /** Lets the held handshake go on into {@code onOpen}. */
    void release() {
        release.countDown();
    }

    private Session connect(Endpoint endpoint, ClientEndpointConfig config, URI uri) throws Exception {
        AtomicReference<Session> opened = new AtomicReference<>();
        AtomicReference<EndpointConfig> openedConfig = new AtomicReference<>();
        delegate.connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig given) {
                opened.set(session);
                openedConfig.set(given);
            }

            @Override
            public void onClose(Session session, CloseReason reason) {
                endpoint.onClose(session, reason);
            }

            @Override
            public void onError(Session session, Throwable error) {
                endpoint.onError(session, error);
            }
        }, config, uri);
        connectingThread.set(Thread.currentThread());
        beforeOnOpen.countDown();
        release.await(30, TimeUnit.SECONDS);
        Session session = guarded(opened.get());
        insideOnOpen = Thread.currentThread();
        try {
            endpoint.onOpen(session, openedConfig.get());
        } finally {
            insideOnOpen = null;
            onOpenReturned.countDown();
        }
        return session;
    }

    private Session guarded(Session session) {
        return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        if (insideOnOpen == Thread.currentThread()) {
                            closedInsideOnOpen.set(true);
                            hang();
                        }
                        closeCodes.add(args == null ? 1000 : ((CloseReason) args[0]).getCloseCode().getCode());
                        closed.countDown();
                    }
                    return invoke(method, session, args);
                });
    }

    /** Blocks for {@link #HANG}; an interrupt does not end it (the flag is kept for the caller). */
    private static void hang() {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HANG);
        boolean interrupted = false;
        for (long left = HANG; left > 0; left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())) {
            try {
                Thread.sleep(left);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
