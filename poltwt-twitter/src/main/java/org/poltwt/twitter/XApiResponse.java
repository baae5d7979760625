package org.poltwt.twitter;

import java.net.http.HttpHeaders;

/** A response the client accepted (2xx), or the last one of a failed call. */
record XApiResponse(int status, HttpHeaders headers, String body) {}
