package org.poltwt.twitter;

import static org.poltwt.twitter.XApiFixtures.user;
import static org.poltwt.twitter.XApiFixtures.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers {@code GET /2/users/by} with every asked username found (id from the digits after its
 * last underscore), so a test can ask for a thousand distinct handles. Only for stubs that name it.
 */
final class UsersByTransformer implements ResponseTransformerV2 {
  static final String NAME = "users-by";

  @Override
  public Response transform(Response response, ServeEvent event) {
    String names = event.getRequest().queryParameter("usernames").firstValue();
    List<ObjectNode> found = new ArrayList<>();
    for (String name : names.split(",")) {
      found.add(user(Long.parseLong(name.substring(name.lastIndexOf('_') + 1)), name));
    }
    return Response.Builder.like(response)
        .but()
        .status(200)
        .headers(new HttpHeaders(new HttpHeader("Content-Type", "application/json")))
        .body(users(found, List.of()))
        .build();
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public String getName() {
    return NAME;
  }
}
