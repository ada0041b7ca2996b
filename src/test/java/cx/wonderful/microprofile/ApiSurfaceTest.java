package cx.wonderful.microprofile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library's API is what its module descriptor exports, and nothing slips into it unnoticed: the public types of
 * the exported packages are exactly the allow-list below, and none of their constructors, methods, fields or
 * supertypes names a type an application cannot use (one of a non-exported package, or a non-public one). The
 * exported packages are read from the compiled module-info.class, so the descriptor stays the only place that says
 * what is exported; the tests themselves run on the class path, where the descriptor is not enforced.
 */
class ApiSurfaceTest {

    /** Every public top-level type of the exported packages, sorted; adding one is a decision about the API. */
    private static final List<String> API_TYPES = List.of(
            "cx.wonderful.microprofile.ErrorCode",
            "cx.wonderful.microprofile.Wonderful",
            "cx.wonderful.microprofile.WonderfulClient",
            "cx.wonderful.microprofile.WonderfulConfig",
            "cx.wonderful.microprofile.WonderfulException",
            "cx.wonderful.microprofile.WonderfulSdk",
            "cx.wonderful.microprofile.auth.Identity",
            "cx.wonderful.microprofile.auth.JwtSignApi",
            "cx.wonderful.microprofile.auth.SignRequest",
            "cx.wonderful.microprofile.auth.SignResponse",
            "cx.wonderful.microprofile.auth.TokenRefresher",
            "cx.wonderful.microprofile.auth.WonderfulAuth",
            "cx.wonderful.microprofile.chat.ChatEvent",
            "cx.wonderful.microprofile.chat.ChatEventListener",
            "cx.wonderful.microprofile.chat.ChatSession",
            "cx.wonderful.microprofile.chat.ChatSessionEvent",
            "cx.wonderful.microprofile.chat.ChatStatus",
            "cx.wonderful.microprofile.chat.ConnectionState",
            "cx.wonderful.microprofile.chat.EndedBy",
            "cx.wonderful.microprofile.chat.ParticipantType",
            "cx.wonderful.microprofile.chat.Speaker",
            "cx.wonderful.microprofile.chat.StartChat",
            "cx.wonderful.microprofile.chat.Subscription",
            "cx.wonderful.microprofile.chat.WonderfulChat",
            "cx.wonderful.microprofile.chat.wire.ChatV3Api",
            "cx.wonderful.microprofile.chat.wire.ChatV3Wire",
            "cx.wonderful.microprofile.communications.Communication",
            "cx.wonderful.microprofile.communications.CommunicationType",
            "cx.wonderful.microprofile.communications.CommunicationsApi",
            "cx.wonderful.microprofile.communications.Direction",
            "cx.wonderful.microprofile.communications.ListCommunications",
            "cx.wonderful.microprofile.communications.Page",
            "cx.wonderful.microprofile.communications.Pagination",
            "cx.wonderful.microprofile.communications.Transcription",
            "cx.wonderful.microprofile.communications.WonderfulCommunications",
            "cx.wonderful.microprofile.rest.InboundTokenFilter",
            "cx.wonderful.microprofile.rest.WonderfulProblemMapper");

    /** A small API is the point of the exported packages: past this, split or hide before adding. */
    private static final int MAX_API_TYPES = 40;

    private static Path mainClasses;
    private static ModuleDescriptor descriptor;
    private static Set<String> exportedPackages;
    private static Set<String> libraryPackages;

    @BeforeAll
    static void readCompiledLibrary() throws IOException, URISyntaxException {
        // The main code's output, not the tests' (they share packages): where a class of the library was loaded from.
        mainClasses = Path.of(ErrorCode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path moduleInfo = mainClasses.resolve("module-info.class");
        assertTrue(Files.isRegularFile(moduleInfo), () -> "no compiled module descriptor at " + moduleInfo);
        try (InputStream in = Files.newInputStream(moduleInfo)) {
            descriptor = ModuleDescriptor.read(in);
        }
        // A qualified export (to named modules only) is not API.
        exportedPackages = descriptor.exports().stream()
                .filter(export -> !export.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        try (Stream<Path> files = Files.walk(mainClasses)) {
            libraryPackages = files.filter(ApiSurfaceTest::isTypeFile)
                    .map(file -> packageOf(className(file)))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void allowListIsSortedAndWithinTheLimit() {
        assertEquals(API_TYPES.stream().sorted().distinct().toList(), API_TYPES, "API_TYPES is sorted, without repeats");
        assertTrue(API_TYPES.size() <= MAX_API_TYPES,
                () -> API_TYPES.size() + " API types in the allow-list, at most " + MAX_API_TYPES);
    }

    @Test
    void publicTypesOfTheExportedPackagesAreExactlyTheApi() throws IOException {
        SortedSet<String> publicTypes = publicTopLevelTypes();
        SortedSet<String> unexpected = new TreeSet<>(publicTypes);
        unexpected.removeAll(API_TYPES);
        SortedSet<String> missing = new TreeSet<>(API_TYPES);
        missing.removeAll(publicTypes);

        StringBuilder diff = new StringBuilder();
        if (!unexpected.isEmpty()) {
            diff.append("\n  public in an exported package but not in ApiSurfaceTest.API_TYPES (make it package-private,")
                    .append(" move it under cx.wonderful.microprofile.internal, or add it to the API):");
            unexpected.forEach(type -> diff.append("\n    + ").append(type));
        }
        if (!missing.isEmpty()) {
            diff.append("\n  in ApiSurfaceTest.API_TYPES but not a public top-level type of an exported package:");
            missing.forEach(type -> diff.append("\n    - ").append(type));
        }
        if (publicTypes.size() > MAX_API_TYPES) {
            diff.append("\n  ").append(publicTypes.size()).append(" public types in the exported packages, at most ")
                    .append(MAX_API_TYPES);
        }
        assertTrue(diff.isEmpty(), () -> "The API differs from the allow-list (exported packages " + exportedPackages
                + ", from " + mainClasses.resolve("module-info.class") + "):" + diff);
    }

    @Test
    void apiSignaturesNameOnlyApiTypes() throws IOException {
        List<String> offending = new ArrayList<>();
        for (Class<?> type : apiTypesWithTheirPublicMembers()) {
            for (Type supertype : supertypes(type)) {
                reportHidden(offending, type.getName() + " extends/implements " + supertype.getTypeName(), supertype);
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (isAccessible(constructor.getModifiers()) && !constructor.isSynthetic()) {
                    reportHidden(offending, "constructor " + describe(constructor), parameterTypes(constructor));
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                if (isAccessible(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
                    List<Type> mentioned = new ArrayList<>(parameterTypes(method));
                    mentioned.add(method.getGenericReturnType());
                    mentioned.add(method.getReturnType());
                    mentioned.addAll(Arrays.asList(method.getGenericExceptionTypes()));
                    reportHidden(offending, "method " + describe(method), mentioned);
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (isAccessible(field.getModifiers()) && !field.isSynthetic()) {
                    reportHidden(offending, "field " + type.getName() + "." + field.getName(),
                            List.of(field.getGenericType(), field.getType()));
                }
            }
        }
        assertTrue(offending.isEmpty(), () -> offending.size() + " API signatures name a type an application cannot"
                + " use (of a non-exported package, or not public):\n  " + String.join("\n  ", offending));
    }

    @Test
    void everyServiceFileIsProvidedByTheModuleToo() throws IOException {
        // On the class path the runtime reads META-INF/services, on the module path the descriptor's provides:
        // both must name the same providers.
        Set<String> fromServiceFiles = new TreeSet<>();
        Path services = mainClasses.resolve("META-INF/services");
        if (Files.isDirectory(services)) {
            try (Stream<Path> files = Files.list(services)) {
                for (Path file : files.toList()) {
                    for (String line : Files.readAllLines(file)) {
                        String provider = line.replaceFirst("#.*", "").trim();
                        if (!provider.isEmpty()) {
                            fromServiceFiles.add(file.getFileName() + " with " + provider);
                        }
                    }
                }
            }
        }
        Set<String> fromDescriptor = descriptor.provides().stream()
                .flatMap(provides -> provides.providers().stream().map(p -> provides.service() + " with " + p))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(fromServiceFiles, fromDescriptor, "META-INF/services and the provides of module-info.java");
    }

    private static SortedSet<String> publicTopLevelTypes() throws IOException {
        SortedSet<String> names = new TreeSet<>();
        for (String packageName : exportedPackages) {
            Path directory = mainClasses.resolve(packageName.replace('.', '/'));
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(ApiSurfaceTest::isTypeFile).toList()) {
                    String name = className(file);
                    if (!name.contains("$") && Modifier.isPublic(load(name).getModifiers())) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }

    /** The public top-level types of the exported packages and, recursively, their public or protected member types. */
    private static List<Class<?>> apiTypesWithTheirPublicMembers() throws IOException {
        List<Class<?>> types = new ArrayList<>();
        for (String name : publicTopLevelTypes()) {
            addWithMembers(types, load(name));
        }
        return types;
    }

    private static void addWithMembers(List<Class<?>> types, Class<?> type) {
        types.add(type);
        for (Class<?> member : type.getDeclaredClasses()) {
            if (isAccessible(member.getModifiers())) {
                addWithMembers(types, member);
            }
        }
    }

    private static List<Type> supertypes(Class<?> type) {
        List<Type> supertypes = new ArrayList<>(Arrays.asList(type.getGenericInterfaces()));
        if (type.getGenericSuperclass() != null) {
            supertypes.add(type.getGenericSuperclass());
        }
        return supertypes;
    }

    private static List<Type> parameterTypes(Executable executable) {
        // The generic form leaves out the synthetic parameters some compilers add; the erased one has them all.
        List<Type> types = new ArrayList<>(Arrays.asList(executable.getGenericParameterTypes()));
        types.addAll(Arrays.asList(executable.getParameterTypes()));
        types.addAll(Arrays.asList(executable.getTypeParameters()));
        return types;
    }

    private static void reportHidden(List<String> offending, String where, Type mentioned) {
        reportHidden(offending, where, List.of(mentioned));
    }

    private static void reportHidden(List<String> offending, String where, List<Type> mentioned) {
        SortedSet<String> hidden = new TreeSet<>();
        Set<Type> seen = new HashSet<>();
        mentioned.forEach(type -> collectHidden(type, hidden, seen));
        if (!hidden.isEmpty()) {
            offending.add(where + "  ->  " + String.join(", ", hidden));
        }
    }

    /** Walks a generic type (arguments, bounds, array components) for classes of the library that are not API. */
    private static void collectHidden(Type type, Set<String> hidden, Set<Type> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            if (!c.isPrimitive() && libraryPackages.contains(c.getPackageName()) && !isApi(c)) {
                hidden.add(c.getName());
            }
        } else if (type instanceof ParameterizedType parameterized) {
            collectHidden(parameterized.getRawType(), hidden, seen);
            if (parameterized.getOwnerType() != null) {
                collectHidden(parameterized.getOwnerType(), hidden, seen);
            }
            for (Type argument : parameterized.getActualTypeArguments()) {
                collectHidden(argument, hidden, seen);
            }
        } else if (type instanceof WildcardType wildcard) {
            Stream.concat(Arrays.stream(wildcard.getUpperBounds()), Arrays.stream(wildcard.getLowerBounds()))
                    .forEach(bound -> collectHidden(bound, hidden, seen));
        } else if (type instanceof TypeVariable<?> variable) {
            for (Type bound : variable.getBounds()) {
                collectHidden(bound, hidden, seen);
            }
        } else if (type instanceof GenericArrayType array) {
            collectHidden(array.getGenericComponentType(), hidden, seen);
        }
    }

    /** Usable by an application: in an exported package, public (or a protected member type) out to its top level. */
    private static boolean isApi(Class<?> type) {
        if (!exportedPackages.contains(type.getPackageName())) {
            return false;
        }
        for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
            boolean topLevel = c.getDeclaringClass() == null;
            if (topLevel ? !Modifier.isPublic(c.getModifiers()) : !isAccessible(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAccessible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String describe(Executable executable) {
        String parameters = Arrays.stream(executable.getGenericParameterTypes())
                .map(Type::getTypeName)
                .collect(Collectors.joining(", "));
        String name = executable instanceof Method
                ? executable.getDeclaringClass().getName() + "." + executable.getName()
                : executable.getDeclaringClass().getName();
        return name + "(" + parameters + ")";
    }

    private static boolean isTypeFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".class") && !name.equals("module-info.class") && !name.equals("package-info.class");
    }

    private static String className(Path file) {
        String relative = mainClasses.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
        return relative.substring(0, relative.length() - ".class".length());
    }

    private static String packageOf(String className) {
        int lastDot = className.lastIndexOf('.');
        return lastDot < 0 ? "" : className.substring(0, lastDot);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ApiSurfaceTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name + " was compiled but cannot be loaded", e);
        }
    }
}
