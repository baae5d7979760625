/**
 * poltwt: the library for the Global Police Tweet-a-thon (#PolTwt).
 *
 * <p>This package holds what every area shares: the root failure {@link org.poltwt.PoltwtException}
 * and {@link org.poltwt.InvalidInputException}, which names the field and the reason. The event's
 * nouns live in their own packages: {@code event}, and later {@code registration}, {@code tweet},
 * {@code report}, {@code map}, {@code spi}, {@code validation} and {@code json}.
 */
package org.poltwt;
