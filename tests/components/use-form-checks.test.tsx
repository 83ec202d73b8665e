// @vitest-environment jsdom
import type { SubmissionResult } from "@conform-to/dom";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { useFormChecks } from "#app/components/use-form-checks.ts";
import { parseStepForm, submissionMessages } from "#app/screening/submission.ts";

afterEach(cleanup);

/** The age question's form, checked by the age step's own parse, reporting what the hook gives. */
function AgeForm({ lastResult, onSent }: { lastResult?: SubmissionResult<string[]>; onSent: () => void }) {
  const { errors, attempt, formProps } = useFormChecks(lastResult, submissionMessages(lastResult?.error), (formData) => {
    const submission = parseStepForm("age", formData, {});
    return submission.status === "success" ? {} : submissionMessages(submission.error);
  });
  return (
    <form
      {...formProps}
      onSubmit={(event) => {
        formProps.onSubmit(event);
        if (!event.defaultPrevented) {
          event.preventDefault();
          onSent();
        }
      }}
    >
      <label htmlFor="age">Age</label>
      <input id="age" name="age" />
      <output data-testid="errors">{JSON.stringify(errors)}</output>
      <output data-testid="attempt">{JSON.stringify(attempt.attempts)}</output>
      <button>Continue</button>
    </form>
  );
}

const shownErrors = () => JSON.parse(screen.getByTestId("errors").textContent!) as Record<string, string>;
const attempts = () => Number(screen.getByTestId("attempt").textContent);

describe("useFormChecks", () => {
  it("stops a form its check refuses, counts the attempt, and sends one it accepts", () => {
    let sent = 0;
    render(<AgeForm onSent={() => (sent += 1)} />);
    fireEvent.change(screen.getByLabelText("Age"), { target: { value: "sixty" } });
    fireEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(sent).toBe(0);
    expect(Object.keys(shownErrors())).toEqual(["age"]);
    expect(attempts()).toBe(1);

    fireEvent.change(screen.getByLabelText("Age"), { target: { value: "67" } });
    fireEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(sent).toBe(1);
  });

  it("checks again as a field is corrected once an attempt failed, without counting an attempt", () => {
    render(<AgeForm onSent={() => undefined} />);
    fireEvent.input(screen.getByLabelText("Age"), { target: { value: "x" } });
    // Nothing is said while the person types before trying to continue.
    expect(shownErrors()).toEqual({});
    fireEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(Object.keys(shownErrors())).toEqual(["age"]);
    fireEvent.input(screen.getByLabelText("Age"), { target: { value: "67" } });
    expect(shownErrors()).toEqual({});
    expect(attempts()).toBe(1);
  });

  it("shows what the server found, and lets a new answer from the server replace what the browser found", () => {
    const first: SubmissionResult<string[]> = { status: "error", error: { age: ["from the server"] } };
    const { rerender } = render(<AgeForm lastResult={first} onSent={() => undefined} />);
    expect(shownErrors()).toEqual({ age: "from the server" });
    fireEvent.change(screen.getByLabelText("Age"), { target: { value: "sixty" } });
    fireEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(shownErrors().age).not.toBe("from the server");
    rerender(<AgeForm lastResult={{ status: "error", error: { "": ["the form as a whole"] } }} onSent={() => undefined} />);
    expect(shownErrors()).toEqual({ "": "the form as a whole" });
  });
});
