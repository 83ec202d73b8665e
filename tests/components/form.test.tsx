// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { Checkboxes, ErrorSummary, Radios, Select, TextInput } from "#app/components/form.tsx";
import { renderWithApp } from "../support/render.tsx";

afterEach(cleanup);

describe("ErrorSummary", () => {
  it("lists each problem as a link to its field and takes focus", async () => {
    await renderWithApp(
      <ErrorSummary
        errors={[
          { fieldId: "age", message: "Enter your age" },
          { fieldId: "municipality", message: "Choose a municipality" },
        ]}
        submission={1}
      />,
    );
    const summary = screen.getByRole("alert");
    expect(within(summary).getByRole("heading", { level: 2 }).textContent).toBe("There is a problem");
    expect(within(summary).getByRole("link", { name: "Enter your age" }).getAttribute("href")).toBe("#age");
    expect(within(summary).getByRole("link", { name: "Choose a municipality" }).getAttribute("href")).toBe("#municipality");
    expect(document.activeElement).toBe(summary);
  });

  it("leaves focus in the field while the messages change, and takes it again on the next submission", async () => {
    function CorrectingAForm() {
      const [messages, setMessages] = useState(["Enter your age", "Choose a municipality"]);
      const [submission, setSubmission] = useState(1);
      return (
        <>
          <input aria-label="Age" onChange={() => setMessages(["Choose a municipality"])} />
          <button type="button" onClick={() => setSubmission((count) => count + 1)}>
            Continue
          </button>
          <ErrorSummary errors={messages.map((message, index) => ({ fieldId: `field-${index}`, message }))} submission={submission} />
        </>
      );
    }
    await renderWithApp(<CorrectingAForm />);
    const age = screen.getByLabelText("Age");
    age.focus();
    fireEvent.change(age, { target: { value: "67" } });
    expect(screen.getByRole("alert").querySelectorAll("li")).toHaveLength(1);
    expect(document.activeElement).toBe(age);
    fireEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(document.activeElement).toBe(screen.getByRole("alert"));
  });

  it("renders nothing when there are no errors", async () => {
    const { container } = await renderWithApp(<ErrorSummary errors={[]} submission={1} />);
    expect(container.querySelector(".error-summary")).toBeNull();
  });
});

describe("TextInput", () => {
  it("ties label, hint and error to the input", async () => {
    await renderWithApp(<TextInput id="age" name="age" label="How old are you?" hint="For example, 67" error="Enter your age" />);
    const input = screen.getByLabelText("How old are you?");
    expect(input.getAttribute("aria-describedby")).toBe("age-hint age-error");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById("age-error")?.textContent).toBe("Error: Enter your age");
  });

  it("can be the page's heading", async () => {
    await renderWithApp(<TextInput id="q" name="q" label="What is your postcode?" labelIsPageHeading />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("What is your postcode?");
  });

  it("prefixes the error in Finnish on a Finnish page", async () => {
    await renderWithApp(<TextInput id="age" name="age" label="Ikä" error="Kirjoita ikäsi" />, { language: "fi" });
    expect(document.getElementById("age-error")?.textContent).toBe("Virhe: Kirjoita ikäsi");
  });
});

describe("Radios and Checkboxes", () => {
  it("group options in a fieldset whose legend names them", async () => {
    await renderWithApp(
      <Radios
        id="for-whom"
        name="forWhom"
        legend="Who is the help for?"
        legendIsPageHeading
        value="carer"
        error="Choose who the help is for"
        items={[
          { value: "me", label: "Me" },
          { value: "carer", label: "Someone I care for", hint: "A relative or friend" },
        ]}
      />,
    );
    const group = screen.getByRole("group", { name: "Who is the help for?" });
    expect(within(group).getByRole("heading", { level: 1 })).toBeTruthy();
    const me = within(group).getByRole("radio", { name: "Me" }) as HTMLInputElement;
    const carer = within(group).getByRole("radio", { name: "Someone I care for" }) as HTMLInputElement;
    expect(me.id).toBe("for-whom");
    expect(me.checked).toBe(false);
    expect(carer.checked).toBe(true);
    expect(carer.getAttribute("aria-describedby")).toBe("for-whom-2-hint");
    expect(group.getAttribute("aria-describedby")).toBe("for-whom-error");
  });

  it("check every chosen box", async () => {
    await renderWithApp(
      <Checkboxes
        id="needs"
        name="needs"
        legend="What do you need help with?"
        values={["money", "housing"]}
        items={[
          { value: "money", label: "Money" },
          { value: "work", label: "Work" },
          { value: "housing", label: "Housing" },
        ]}
      />,
    );
    const checked = screen.getAllByRole("checkbox").filter((box) => (box as HTMLInputElement).checked);
    expect(checked.map((box) => (box as HTMLInputElement).value)).toEqual(["money", "housing"]);
  });
});

describe("Select", () => {
  it("has a label and keeps the chosen value", async () => {
    await renderWithApp(
      <Select id="m" name="municipality" label="Municipality" defaultValue="rantala">
        <option value="">All</option>
        <option value="rantala">Rantala</option>
      </Select>,
    );
    expect((screen.getByLabelText("Municipality") as HTMLSelectElement).value).toBe("rantala");
  });
});
