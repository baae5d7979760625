/**
 * Spring Boot 4 auto-configuration of poltwt: {@link
 * org.poltwt.spring.boot.autoconfigure.PoltwtProperties} binds the {@code poltwt.*} properties, and
 * the auto-configurations wire the JDBC stores on the application's {@code DataSource}, the
 * registration and announcement services, a mailer on {@code spring.mail.*}, the X API adapter,
 * scheduled outbox delivery and the {@code @GovernmentEmail} constraint on the application's
 * policy. Every bean backs off when the application defines its own.
 */
package org.poltwt.spring.boot.autoconfigure;
