package org.poltwt.registration;

/**
 * The physical address an agency gives to appear on the official map. Country is held by the {@link
 * Registration}. The map places an address by its city in its country, so the city is the one part
 * required; the others are optional, because a sign-up form that asks for "an address (optional)"
 * cannot then refuse one without a street. Empty strings stand for parts an address does not have;
 * {@code null} and blank optional parts become empty.
 *
 * @param street street and number; may be empty
 * @param city city or town (required)
 * @param region state, province or county; may be empty
 * @param postalCode postal code; may be empty
 */
public record PostalAddress(String street, String city, String region, String postalCode) {
  /** The longest text accepted in any one part. */
  public static final int MAX_PART_LENGTH = 200;

  /**
   * Validates the parts and strips surrounding whitespace.
   *
   * @param street street and number; may be empty or null
   * @param city city or town
   * @param region state, province or county; may be empty or null
   * @param postalCode postal code; may be empty or null
   * @throws InvalidRegistrationException naming the part ({@code address.city}, ...) that is
   *     missing, too long or holds control characters
   */
  public PostalAddress {
    street = part("address.street", street, false);
    city = part("address.city", city, true);
    region = part("address.region", region, false);
    postalCode = part("address.postalCode", postalCode, false);
  }

  /**
   * Creates an address with street and city only.
   *
   * @param street street and number; may be empty
   * @param city city or town
   * @return the address
   */
  public static PostalAddress of(String street, String city) {
    return new PostalAddress(street, city, "", "");
  }

  /**
   * Creates an address with a city only, all the map needs.
   *
   * @param city city or town
   * @return the address
   * @throws InvalidRegistrationException naming {@code address.city} if it is blank, too long or
   *     holds control characters
   */
  public static PostalAddress ofCity(String city) {
    return new PostalAddress("", city, "", "");
  }

  private static String part(String field, String value, boolean required) {
    if (value == null) {
      if (required) {
        throw new InvalidRegistrationException(field, "is required");
      }
      return "";
    }
    String v = value.strip();
    if (required && v.isEmpty()) {
      throw new InvalidRegistrationException(field, "must not be blank");
    }
    if (v.length() > MAX_PART_LENGTH) {
      throw new InvalidRegistrationException(
          field, "must be at most " + MAX_PART_LENGTH + " characters");
    }
    if (v.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidRegistrationException(field, "must not contain control characters");
    }
    return v;
  }

  /** Never shows the address: it may be an officer's, and logs are no place for it. */
  @Override
  public String toString() {
    return "PostalAddress[redacted]";
  }
}
