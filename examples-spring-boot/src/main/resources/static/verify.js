// Posts the link's token to /api/verifications and shows the answer as text.
"use strict";
document.getElementById("verify").addEventListener("submit", async (event) => {
  event.preventDefault();
  const token = new URLSearchParams(window.location.search).get("token") || "";
  const result = document.getElementById("result");
  try {
    const response = await fetch("/api/verifications?token=" + encodeURIComponent(token), {
      method: "POST",
    });
    const answer = await response.json();
    result.textContent = response.ok
      ? answer.status === "VERIFIED"
        ? "Confirmed: @" + answer.handle + " is on the map."
        : "Thank you: an organiser will check your address."
      : (answer.errors || []).map((e) => e.field + " " + e.reason).join("; ");
  } catch (e) {
    result.textContent = "The site could not be reached; try again.";
  }
});
