// Posts the form as JSON to /api/signups and shows the answer. Text only (textContent): nothing
// the server or the user sent is ever parsed as HTML.
"use strict";
document.getElementById("signup").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const body = {};
  for (const [name, value] of form.entries()) {
    const text = String(value).trim();
    if (text === "") continue;
    body[name] = name === "latitude" || name === "longitude" ? Number(text) : text;
  }
  const result = document.getElementById("result");
  result.replaceChildren();
  const say = (line) => {
    const item = document.createElement("li");
    item.textContent = line;
    result.appendChild(item);
  };
  try {
    const response = await fetch("/api/signups", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const answer = await response.json();
    if (response.ok) {
      say("Thank you, @" + answer.handle + ": check your mail for the link that confirms it.");
    } else {
      for (const e of answer.errors || []) say(e.field + ": " + e.reason);
    }
  } catch (e) {
    say("The site could not be reached; try again.");
  }
});
