/**
 * Implementation details shared by several poltwt packages.
 *
 * <p>Not part of the public API: these types may change in any release. No public signature of
 * another package exposes them.
 */
package org.poltwt.internal;
