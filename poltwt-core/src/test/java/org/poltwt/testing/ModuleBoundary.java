package org.poltwt.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

/**
 * Checks that dependencies flow one way: an adapter builds on core, and core never names an
 * adapter. It reads every file of the directory or jar a class was loaded from (core's classes, or
 * core's test-jar) and finds each mention of an adapter's packages: as a type, as a string to load
 * by reflection, or in a service file. A class file keeps every name it uses in its constant pool
 * as plain ASCII, so a byte search finds them all.
 */
public final class ModuleBoundary {
  private ModuleBoundary() {}

  /**
   * Checks an adapter's boundaries: neither core's classes nor its test-jar mention the adapter's
   * package, and the adapter's own classes (its tests aside) depend on none of the other modules
   * and on no {@code internal} package of poltwt.
   *
   * @param adapterPackage the adapter's root package, dotted
   * @param otherModules the other modules' packages, as ArchUnit patterns ({@code "org.x.."}); the
   *     caller names them so that this jar, which the check reads, does not
   * @throws AssertionError if a boundary is crossed
   */
  public static void checkAdapter(String adapterPackage, String... otherModules) {
    List<String> found = new ArrayList<>(mentions(org.poltwt.event.Schedule.class, adapterPackage));
    found.addAll(mentions(ModuleBoundary.class, adapterPackage));
    if (!found.isEmpty()) {
      throw new AssertionError("core names " + adapterPackage + ": " + found);
    }
    List<String> forbidden = new ArrayList<>(List.of(otherModules));
    forbidden.add("org.poltwt..internal..");
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(forbidden.toArray(String[]::new))
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(adapterPackage));
  }

  /**
   * Each mention of a package in the files beside {@code anchor}, as "file: name".
   *
   * @param anchor a class whose directory or jar is read
   * @param pkg the package, dotted (it is also looked for with slashes)
   * @return the mentions, empty when there are none
   * @throws IllegalStateException if the anchor's own class file was not among the files read, so
   *     that an empty scan cannot pass
   */
  static List<String> mentions(Class<?> anchor, String pkg) {
    Map<String, byte[]> files = filesBeside(anchor);
    if (!files.containsKey(anchor.getName().replace('.', '/') + ".class")) {
      throw new IllegalStateException("the files read do not hold " + anchor.getName());
    }
    List<String> needles = List.of(pkg, pkg.replace('.', '/'));
    List<String> found = new ArrayList<>();
    files.forEach(
        (path, bytes) -> {
          String text = new String(bytes, ISO_8859_1); // one char per byte
          for (String needle : needles) {
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

  /** Every file of the directory or jar a class was loaded from, by its path there. */
  private static Map<String, byte[]> filesBeside(Class<?> anchor) {
    Map<String, byte[]> files = new TreeMap<>();
    try {
      Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return files;
  }

  private static boolean isNamePart(char c) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || "_$./".indexOf(c) >= 0;
  }
}
