/**
 * Checking tweets against an edition's rules: {@link org.poltwt.compliance.ComplianceChecker}
 * reports {@link org.poltwt.compliance.Violation}s and {@link org.poltwt.compliance.ComplianceTag}s
 * per tweet in a {@link org.poltwt.compliance.ComplianceResult}, and sums a stream of them in a
 * {@link org.poltwt.compliance.ComplianceSummary}.
 */
package org.poltwt.compliance;
