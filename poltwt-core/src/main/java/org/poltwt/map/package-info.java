/**
 * The official map of participants: verified registrations with a physical address, as GeoJSON and
 * KML. Never an email; an officer's name only when they opted in.
 */
package org.poltwt.map;
