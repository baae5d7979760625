package org.poltwt.jdbc;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.poltwt.event.Schedule;
import org.poltwt.spi.RegistrationStoreContract;
import org.poltwt.testing.ApiSurface;

class JdbcPublicApiTest {
  /** This module's packages as a class file names them (a type, a descriptor) and as a string would. */
  private static final List<String> THIS_MODULE = List.of("org/poltwt/jdbc", "org.poltwt.jdbc");

  @Test
  void noPublicSignatureExposesAnInternalType() throws ClassNotFoundException {
    Class<?> anchor = Class.forName("org.poltwt.jdbc.package-info");
    assertThat(ApiSurface.internalLeaks(ApiSurface.publicTypesBeside(anchor))).isEmpty();
  }

  @Test
  void theModuleSeesCoreButCoreDoesNotSeeTheModule() throws IOException, URISyntaxException {
    // Dependencies flow one way: this adapter builds on core (this class compiles against it), and core
    // never names an adapter. So no file of core, nor of the test-jar it ships, may mention this module's
    // packages: not as a type, nor as a string to load by reflection, nor in a service file.
    for (Class<?> anchor : List.of(Schedule.class, RegistrationStoreContract.class)) {
      Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      Map<String, byte[]> files = filesIn(location);
      assertThat(files.keySet()).as("the files of %s", location).contains(anchor.getName().replace('.', '/') + ".class");
      assertThat(mentions(files)).as("mentions of this module in %s", location).isEmpty();
    }
  }

  /** Every file of a directory or jar, by its path there. */
  private static Map<String, byte[]> filesIn(Path location) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    if (Files.isDirectory(location)) {
      try (Stream<Path> walk = Files.walk(location)) {
        for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
          files.put(location.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
        }
      }
    } else {
      try (JarFile jar = new JarFile(location.toFile())) {
        for (JarEntry e : Collections.list(jar.entries())) {
          if (!e.isDirectory()) {
            try (InputStream in = jar.getInputStream(e)) {
              files.put(e.getName(), in.readAllBytes());
            }
          }
        }
      }
    }
    return files;
  }

  /**
   * Each mention of {@link #THIS_MODULE} as "file: name". A class file keeps every name it uses (its
   * types, descriptors, string constants) in its constant pool as plain ASCII, so a byte search finds
   * them all.
   */
  private static List<String> mentions(Map<String, byte[]> files) {
    List<String> found = new ArrayList<>();
    files.forEach((path, bytes) -> {
      String text = new String(bytes, ISO_8859_1); // one char per byte
      for (String needle : THIS_MODULE) {
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
          int end = at;
          while (end < text.length() && isNamePart(text.charAt(end))) {
            end++;
          }
          found.add(path + ": " + text.substring(at, end));
        }
      }
    });
    return found;
  }

  private static boolean isNamePart(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "_$./".indexOf(c) >= 0;
  }
}
