/**
 * JSON for poltwt's model: register {@link org.poltwt.json.PoltwtModule} with a Jackson {@code
 * ObjectMapper}.
 */
package org.poltwt.json;
