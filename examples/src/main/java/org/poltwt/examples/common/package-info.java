/**
 * What the sign-up site and the command-line tool share: the {@code POLTWT_*} configuration ({@link
 * org.poltwt.examples.common.SiteConfig}, with the reverse proxies it trusts, {@link
 * org.poltwt.examples.common.TrustedProxies}) and the one place the stores come from ({@link
 * org.poltwt.examples.common.Stores}). It depends on neither the site nor the tool.
 */
package org.poltwt.examples.common;
