// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react";
import { createInstance } from "i18next";
import { afterEach, describe, expect, it } from "vitest";
import { QuestionForm } from "#app/components/question.tsx";
import { i18nextOptions } from "#app/i18n/config.ts";
import { resources } from "#app/i18n/resources.ts";
import { questionText } from "#app/screening/question-text.server.ts";
import type { AnswersSoFar } from "#pathways/screening/questionnaire.ts";
import { renderWithApp } from "../support/render.tsx";

afterEach(cleanup);

async function languageQuestion(answers: AnswersSoFar) {
  const i18n = createInstance();
  await i18n.init({ ...i18nextOptions, resources, lng: "en" });
  await renderWithApp(<QuestionForm step="language" answers={answers} lastResult={undefined} text={questionText("language", "en", i18n)} />, {
    path: "/screening/language",
  });
}

describe("the language question", () => {
  it("asks its question once, as the page heading and the radios' legend", async () => {
    await languageQuestion({});
    const question = "What language would you like to get services in?";
    const heading = screen.getByRole("heading", { level: 1 });
    expect(heading.textContent).toBe(question);
    expect(heading.closest("legend")).not.toBeNull();
    expect(screen.getAllByText(question)).toHaveLength(1);
    expect(screen.getByRole("group", { name: question })).toBeTruthy();
  });

  it("puts the list of other languages under “Another language”, which the stylesheet reveals once it is chosen", async () => {
    await languageQuestion({});
    const list = screen.getByRole("combobox", { name: "Choose the language" });
    const item = list.closest(".radios__conditional")!.parentElement!;
    expect(within(item).getByRole("radio", { name: "Another language" })).toBeTruthy();
    expect(item.querySelector(".radios__input:checked")).toBeNull();
  });

  it("shows a saved other language chosen, under its radio checked", async () => {
    await languageQuestion({ language: "other", otherLanguage: "uk" });
    expect((screen.getByRole("radio", { name: "Another language" }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole("combobox", { name: "Choose the language" }) as HTMLSelectElement).value).toBe("uk");
  });
});
