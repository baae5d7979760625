package com.example.poltwt;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.poltwt.InvalidInputException;
import org.poltwt.registration.DuplicateRegistrationException;
import org.poltwt.registration.InvalidRegistrationException;
import org.poltwt.registration.VerificationException;
import org.poltwt.tweet.io.MalformedTweetException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * poltwt's and Spring's refusals as {@link Problems}: field names and reasons only. Each reason is
 * the constraint's message or poltwt's own, and neither quotes the value.
 */
@RestControllerAdvice
class ApiErrors {
  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<Problems> invalid(MethodArgumentNotValidException e) {
    List<Problems.FieldProblem> errors = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (FieldError error : e.getBindingResult().getFieldErrors()) {
      if (seen.add(error.getField())) {
        errors.add(new Problems.FieldProblem(error.getField(), error.getDefaultMessage()));
      }
    }
    return ResponseEntity.badRequest().body(new Problems(errors));
  }

  @ExceptionHandler(InvalidRegistrationException.class)
  ResponseEntity<Problems> invalid(InvalidRegistrationException e) {
    return ResponseEntity.badRequest()
        .body(
            new Problems(
                e.errors().stream()
                    .map(f -> new Problems.FieldProblem(f.field(), f.reason()))
                    .toList()));
  }

  @ExceptionHandler(DuplicateRegistrationException.class)
  ResponseEntity<Problems> duplicate(DuplicateRegistrationException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(Problems.of("handle", "is already registered for this edition"));
  }

  @ExceptionHandler(VerificationException.class)
  ResponseEntity<Problems> verification(VerificationException e) {
    String reason;
    if (e instanceof VerificationException.UsedToken) {
      reason = "was already used";
    } else if (e instanceof VerificationException.ExpiredToken) {
      reason = "has expired";
    } else {
      reason = "is unknown";
    }
    return ResponseEntity.badRequest().body(Problems.of("token", reason));
  }

  @ExceptionHandler(MalformedTweetException.class)
  ResponseEntity<Problems> malformed(MalformedTweetException e) {
    // The problem's line, field and reason: never the tweet's text.
    return ResponseEntity.badRequest()
        .body(Problems.of(e.field(), "line " + e.lineNumber() + ": " + e.reason()));
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Problems> invalidInput(InvalidInputException e) {
    return ResponseEntity.badRequest().body(Problems.of(e.field(), e.reason()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Problems> unreadable(HttpMessageNotReadableException e) {
    // Jackson's message quotes the input: not repeated here.
    return ResponseEntity.badRequest()
        .body(Problems.of("body", "is not a JSON object of this request's fields"));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Problems> missing(MissingServletRequestParameterException e) {
    return ResponseEntity.badRequest().body(Problems.of(e.getParameterName(), "is required"));
  }
}
