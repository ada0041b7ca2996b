package cx.wonderful.microprofile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WonderfulTest {

    @Test
    void versionIsTheProjectVersionFromTheBuild() throws Exception {
        // The library module inherits its version from the parent declared in its own pom (tests run in src/).
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher parent = Pattern.compile("<parent>.*?<version>([^<]+)</version>.*?</parent>", Pattern.DOTALL).matcher(pom);
        assertEquals(true, parent.find(), "src/pom.xml declares its parent's version");
        assertEquals(parent.group(1).trim(), Wonderful.version());
    }
}
