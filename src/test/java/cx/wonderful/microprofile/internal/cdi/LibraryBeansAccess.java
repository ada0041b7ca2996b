package cx.wonderful.microprofile.internal.cdi;

import cx.wonderful.microprofile.internal.core.ConfiguredClient;
import jakarta.enterprise.inject.se.SeContainer;

/** For the tests: the library's CDI layer classes, and the core behind a running container's beans. */
public final class LibraryBeansAccess {

    private LibraryBeansAccess() {
    }

    /** The bean classes of the library's CDI layer, for a container without discovery. */
    public static Class<?>[] beanClasses() {
        return new Class<?>[] {LibraryBeans.class, ReadinessBean.class};
    }

    /** The unnamed client behind the container's beans (its real objects, not CDI proxies). */
    public static ConfiguredClient unnamed(SeContainer container) {
        return container.select(LibraryBeans.class).get().unnamed();
    }

    /** The named client {@code name} behind the container's {@code @WonderfulClient(name)} beans. */
    public static ConfiguredClient named(SeContainer container, String name) {
        return container.select(LibraryBeans.class).get().named(name);
    }
}
