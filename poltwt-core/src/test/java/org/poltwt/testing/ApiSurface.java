package org.poltwt.testing;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks a module's public API: no public signature outside an {@code internal} package may expose
 * a type from one. Shipped in core's test-jar so every module runs the same check on its own
 * classes.
 */
public final class ApiSurface {
  private ApiSurface() {}

  /**
   * Lists the public types compiled into the directory or jar that holds {@code anchor}.
   *
   * @param anchor any class of the module to inspect
   * @return the public, non-internal types of that module's {@code org.poltwt} packages
   */
  public static List<Class<?>> publicTypesBeside(Class<?> anchor) {
    Path root;
    try {
      root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String rel = root.relativize(f).toString().replace('\\', '/');
        if (!rel.startsWith("org/poltwt/")
            || !rel.endsWith(".class")
            || rel.endsWith("package-info.class")) {
          continue;
        }
        String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
        Class<?> c = Class.forName(name, false, anchor.getClassLoader());
        if (isExposed(c) && !isInternal(c)) {
          types.add(c);
        }
      }
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    return types;
  }

  /**
   * Returns one line per public member whose signature names an internal type.
   *
   * @param types the types to check
   * @return the violations, empty when the API is clean
   */
  public static List<String> internalLeaks(List<Class<?>> types) {
    List<String> leaks = new ArrayList<>();
    for (Class<?> c : types) {
      check(leaks, c.getName() + " extends", c.getGenericSuperclass());
      for (Type t : c.getGenericInterfaces()) {
        check(leaks, c.getName() + " implements", t);
      }
      for (Method m : c.getDeclaredMethods()) {
        if (isExposed(m.getModifiers()) && !m.isSynthetic()) {
          check(leaks, c.getName() + "." + m.getName() + " returns", m.getGenericReturnType());
          for (Type p : m.getGenericParameterTypes()) {
            check(leaks, c.getName() + "." + m.getName() + " takes", p);
          }
        }
      }
      for (Constructor<?> k : c.getDeclaredConstructors()) {
        if (isExposed(k.getModifiers())) {
          for (Type p : k.getGenericParameterTypes()) {
            check(leaks, c.getName() + " constructor takes", p);
          }
        }
      }
      for (Field f : c.getDeclaredFields()) {
        if (isExposed(f.getModifiers())) {
          check(leaks, c.getName() + "." + f.getName() + " is", f.getGenericType());
        }
      }
    }
    return leaks;
  }

  private static void check(List<String> leaks, String where, Type type) {
    if (type != null && type.getTypeName().contains(".internal.")) {
      leaks.add(where + " " + type.getTypeName());
    }
  }

  private static boolean isExposed(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return !c.isAnonymousClass() && !c.isSynthetic();
  }

  private static boolean isExposed(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static boolean isInternal(Class<?> c) {
    return c.getPackageName().contains(".internal");
  }
}
