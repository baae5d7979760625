package org.poltwt.spi.memory;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.poltwt.spi.VerificationToken;
import org.poltwt.spi.VerificationTokenStore;

/**
 * A {@link VerificationTokenStore} in a concurrent map keyed by hash. Thread-safe: {@link
 * #markUsed(String, Instant)} is a compare-and-set on the stored record.
 */
public final class InMemoryVerificationTokenStore implements VerificationTokenStore {
  private final ConcurrentHashMap<String, VerificationToken> tokens = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryVerificationTokenStore() {}

  /**
   * Stores a new token.
   *
   * @param token the token record
   * @throws NullPointerException if {@code token} is null
   * @throws IllegalStateException if a token with the same hash exists
   */
  @Override
  public void save(VerificationToken token) {
    requireNonNull(token, "token");
    if (tokens.putIfAbsent(token.hash(), token) != null) {
      throw new IllegalStateException("hash: a token with this hash is already stored");
    }
  }

  /**
   * Finds a token by its hash.
   *
   * @param hash the token's hash
   * @return the token, or empty
   * @throws NullPointerException if {@code hash} is null
   */
  @Override
  public Optional<VerificationToken> findByHash(String hash) {
    requireNonNull(hash, "hash");
    return Optional.ofNullable(tokens.get(hash));
  }

  /**
   * Marks a token used, atomically: of any number of concurrent calls for one token, exactly one
   * returns true.
   *
   * @param hash the token's hash
   * @param at when it was used
   * @return true if this call marked it; false if it was already used or does not exist
   * @throws NullPointerException if an argument is null
   */
  @Override
  public boolean markUsed(String hash, Instant at) {
    requireNonNull(hash, "hash");
    requireNonNull(at, "at");
    while (true) {
      VerificationToken current = tokens.get(hash);
      if (current == null || current.usedAt().isPresent()) {
        return false;
      }
      VerificationToken used =
          new VerificationToken(
              current.hash(),
              current.registrationId(),
              current.createdAt(),
              current.expiresAt(),
              Optional.of(at));
      if (tokens.replace(hash, current, used)) {
        return true;
      }
      // Another thread changed or removed the token in between: look again.
    }
  }

  /**
   * When the newest token of a registration was issued.
   *
   * @param registrationId the registration
   * @return the latest issue time of its tokens, used or not; empty if it has none
   * @throws NullPointerException if {@code registrationId} is null
   */
  @Override
  public Optional<Instant> latestIssuedAt(UUID registrationId) {
    requireNonNull(registrationId, "registrationId");
    return tokens.values().stream()
        .filter(t -> t.registrationId().equals(registrationId))
        .map(VerificationToken::createdAt)
        .max(Instant::compareTo);
  }

  /**
   * Deletes every token of a registration.
   *
   * @param registrationId the registration
   * @return how many tokens this call deleted
   * @throws NullPointerException if {@code registrationId} is null
   */
  @Override
  public int deleteFor(UUID registrationId) {
    requireNonNull(registrationId, "registrationId");
    AtomicInteger deleted = new AtomicInteger();
    for (String hash : tokens.keySet()) {
      // Decided and removed atomically per token, so a concurrent markUsed cannot make it survive.
      tokens.computeIfPresent(
          hash,
          (h, token) -> {
            if (token.registrationId().equals(registrationId)) {
              deleted.incrementAndGet();
              return null;
            }
            return token;
          });
    }
    return deleted.get();
  }
}
