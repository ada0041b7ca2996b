package cx.wonderful.example;

import cx.wonderful.microprofile.rest.WonderfulProblemMapper;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

// tag::application[]
/** The example's endpoints under /api, and the library's RFC 9457 mapper for every WonderfulException. */
@ApplicationPath("/api")
public class ExampleApplication extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(SdkTokenResource.class, SupportChatResource.class, CallHistoryResource.class,
                WonderfulProblemMapper.class);
    }
}
// end::application[]
