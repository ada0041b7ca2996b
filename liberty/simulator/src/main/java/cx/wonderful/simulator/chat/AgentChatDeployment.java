package cx.wonderful.simulator.chat;

import cx.wonderful.simulator.auth.Authenticator;
import cx.wonderful.simulator.auth.CredentialKind;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Arrays;

/**
 * Deploys the agent chat endpoint at {@value AgentChatHandshake#PATH_TEMPLATE} through the standard
 * {@link ServerContainer} of the servlet context, so that it runs on any Jakarta WebSocket 2.1 server.
 */
@WebListener
public class AgentChatDeployment implements ServletContextListener {

    @Inject
    Authenticator authenticator;
    @Inject
    AgentChatHandshake handshake;
    @Inject
    SessionStore sessions;
    @Inject
    SocketPinger pinger;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServerContainer container = (ServerContainer) event.getServletContext()
                .getAttribute(ServerContainer.class.getName());
        if (container == null) {
            throw new IllegalStateException("no Jakarta WebSocket server container: enable WebSocket on this server");
        }
        ServerEndpointConfig config = ServerEndpointConfig.Builder
                .create(AgentChatEndpoint.class, AgentChatHandshake.PATH_TEMPLATE)
                .subprotocols(Arrays.stream(CredentialKind.values()).map(CredentialKind::protocol).toList())
                .configurator(new AgentChatConfigurator(authenticator, handshake, sessions, pinger))
                .build();
        try {
            container.addEndpoint(config);
        } catch (DeploymentException e) {
            throw new IllegalStateException("cannot deploy the agent chat endpoint", e);
        }
    }
}
