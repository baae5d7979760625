package org.poltwt.examples.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.poltwt.examples.common.SiteConfig;

/**
 * The key that signs the manage links of the site's mails: {@code POLTWT_MANAGE_KEY} when set (the
 * same on every instance of a deployment), else one the site made on its first start and keeps in
 * its data directory, so that links keep working across restarts. It is the deployment's one
 * secret: the keys of the site's other signed tokens are derived from it ({@link SiteKeys}).
 */
final class ManageKey {
  static final String FILE = "manage-link.key";
  private static final int BYTES = 32;

  private ManageKey() {}

  static byte[] of(SiteConfig config) {
    return config.manageKey().orElseGet(() -> kept(config.dataDir().resolve(FILE)));
  }

  private static byte[] kept(Path file) {
    try {
      if (Files.exists(file)) {
        byte[] key = Files.readAllBytes(file);
        if (key.length >= BYTES) {
          return key;
        }
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      byte[] key = new byte[BYTES];
      new SecureRandom().nextBytes(key);
      try {
        Files.write(file, key, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException raced) {
        // Another instance on the same directory made it first: use theirs.
        return Files.readAllBytes(file);
      }
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the directory's own permissions apply.
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the manage-link key in " + file.getParent(), e);
    }
  }
}
