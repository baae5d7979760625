/**
 * Jakarta Bean Validation constraints a CMS can put on its own form objects: {@link
 * org.poltwt.validation.TwitterHandle} and {@link org.poltwt.validation.GovernmentEmail}. They
 * apply the same rules as the registration service.
 */
package org.poltwt.validation;
