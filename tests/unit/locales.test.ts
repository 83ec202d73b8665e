import { nextSteps } from "#app/tracking-view.ts";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { resources } from "#app/i18n/resources.ts";
import { stepFields } from "#app/screening/fields.ts";
import { emailDeliveryStates } from "#db/stores.ts";
import { capacities, costUnits, deliveryModes, organizationTypes } from "#pathways/catalogue.ts";
import { supportedLanguages } from "#pathways/i18n.ts";
import { reasonCodes } from "#pathways/matching/match.ts";
import { needSubjects, subjectLabelKey } from "#pathways/needs/subject.ts";
import { linkPurposes } from "#pathways/email-links.ts";
import { askedCategories, personalDataCategories } from "#pathways/personal-data.ts";
import { referralStatuses } from "#pathways/referral/machine.ts";
import { helpForOptions, screeningErrorKeys, stepIds } from "#pathways/screening/questionnaire.ts";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") keys.set(path, value);
    else for (const [nested, text] of flatten(value, path)) keys.set(nested, text);
  }
  return keys;
}

const interpolations = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

describe("locale files", () => {
  for (const namespace of Object.keys(resources.en) as (keyof typeof resources.en)[]) {
    const reference = flatten(resources.en[namespace] as Tree);
    for (const language of supportedLanguages.filter((candidate) => candidate !== "en")) {
      it(`${language}/${namespace} has exactly the keys of en/${namespace}, with the same placeholders`, () => {
        const translated = flatten(resources[language][namespace] as Tree);
        expect([...translated.keys()].sort()).toEqual([...reference.keys()].sort());
        for (const [key, text] of translated) {
          expect(text.trim(), `${language}:${namespace}:${key}`).not.toBe("");
          expect(interpolations(text), `${language}:${namespace}:${key}`).toEqual(interpolations(reference.get(key)!));
        }
      });
    }
  }
});

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".test.tsx") ? [path] : [];
  });
}

describe("translation keys used in the code", () => {
  const root = join(import.meta.dirname, "..", "..");
  const files = sourceFiles(join(root, "app"));

  it("exist in English (the reference), counting plural forms and dynamic prefixes", () => {
    const missing: string[] = [];
    let checked = 0;
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      // A file may read several namespaces (useTranslation("x"), useNamespaceText("x"), getFixedT(language, "x"), useScreeningText("x"), useScreeningText(),
      // or take a text function typed TFunction<"x">): a key passes when one of them has it.
      const namespaces = [
        ...[...source.matchAll(/(?:useTranslation|useNamespaceText|useScreeningText)(?:<[^>]*>)?\("(\w+)"\)|(?:getFixedT\(\w+, |namespaceText\([^,]+, \w+, )"(\w+)"\)|TFunction<"(\w+)">/g)].map((match) => (match[1] ?? match[2] ?? match[3])!),
        ...(source.includes("useScreeningText()") ? ["screening"] : []),
      ];
      if (namespaces.length === 0) namespaces.push("common");
      const namespace = namespaces.join("|");
      const keys = new Map(namespaces.flatMap((name) => [...flatten((resources.en as Record<string, Tree>)[name] ?? {})]));
      const has = (key: string) => keys.has(key) || keys.has(`${key}_one`) || keys.has(`${key}_other`);
      // A text function bound to one namespace (const t = useNamespaceText("x"), useScreeningText("x"),
      // getFixedT(language, "x"), namespaceText(instance, language, "x")) must find its keys in that namespace: i18next does not look in the others.
      const bound = new Map<string, string>();
      for (const match of source.matchAll(/const (\w+) = (?:useNamespaceText|useScreeningText)(?:<[^>]*>)?\((?:"(\w+)")?\)/g)) {
        bound.set(match[1]!, match[2] ?? "screening");
      }
      for (const match of source.matchAll(/const (\w+) = [^;\n]*(?:getFixedT\(\w+, |namespaceText\([^,]+, \w+, )"(\w+)"\)/g)) bound.set(match[1]!, match[2]!);
      const inNamespace = (name: string, key: string) => {
        const strings = flatten((resources.en as Record<string, Tree>)[name] ?? {});
        return strings.has(key) || strings.has(`${key}_one`) || strings.has(`${key}_other`);
      };
      for (const match of source.matchAll(/\b(\w+)\(\s*"([\w.]+)"/g)) {
        const [, callee, key] = match as unknown as [string, string, string];
        const namespaceOfCallee = bound.get(callee);
        if (namespaceOfCallee) {
          checked += 1;
          if (!inNamespace(namespaceOfCallee, key)) missing.push(`${relative(root, file)}: ${namespaceOfCallee}:${key} (${callee})`);
        } else if (callee === "t" || callee === "text") {
          // A text function handed in as a parameter: one of the file's namespaces must have it.
          checked += 1;
          if (!has(key)) missing.push(`${relative(root, file)}: ${namespace}:${key}`);
        }
      }
      // A key built from a code is checked code by code below ("keys built from codes"):
      // each family of such keys must be listed there.
      for (const match of source.matchAll(/\bt\(\s*`([\w.]*)\$\{/g)) {
        checked += 1;
        const prefix = match[1]!.replace(/\.$/, "");
        if (prefix !== "steps" && !codeKeyPrefixes.has(prefix)) missing.push(`${relative(root, file)}: ${namespace}:${prefix}.\${…} is not in codeKeys`);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});

/**
 * Every key the app builds from a code, by family: the namespace, the part before the
 * code, what follows it, and every code it can be given, from the code's own list (the
 * questionnaire's steps are checked in "questionnaire texts").
 */
const codeKeys: { namespace: string; prefix: string; suffixes?: string[]; codes: readonly string[] }[] = [
  { namespace: "catalogue", prefix: "reasons", codes: reasonCodes },
  { namespace: "catalogue", prefix: "capacity", codes: capacities },
  { namespace: "catalogue", prefix: "delivery", codes: deliveryModes },
  { namespace: "catalogue", prefix: "cost.pricePer", codes: costUnits },
  { namespace: "catalogue", prefix: "providerType", codes: organizationTypes },
  { namespace: "consent", prefix: "consent.dataCategories", codes: personalDataCategories },
  { namespace: "consent", prefix: "consent.details.why", codes: askedCategories },
  { namespace: "consent", prefix: "consent.details", codes: ["dobDay", "dobMonth", "dobYear"] },
  // The two things staff do first on the consent page (app/routes/screening-consent.tsx).
  { namespace: "consent", prefix: "consent", suffixes: [".title", ".body"], codes: ["keyWorkerFirst", "assessmentFirst"] },
  // Referral statuses as tracking shows them: every state of the referral machine.
  { namespace: "followUp", prefix: "track.statuses", codes: referralStatuses },
  { namespace: "followUp", prefix: "track.next", codes: nextSteps },
  { namespace: "followUp", prefix: "feedback.ratings", codes: ["1", "2", "3", "4", "5"] },
  { namespace: "emailLink", prefix: "emailLink.delivery", codes: emailDeliveryStates },
  // The topics the start page lists (app/routes/home.tsx).
  { namespace: "start", prefix: "start.whatWeAskList", codes: ["situation", "health", "family", "work", "money", "safety"] },
  { namespace: "email", prefix: "", suffixes: [".subject", ".intro", ".linkIntro", ".expires", ".keepSafe"], codes: linkPurposes },
];
const codeKeyPrefixes = new Set(codeKeys.map(({ prefix }) => prefix));

describe("keys built from codes", () => {
  for (const { namespace, prefix, suffixes = [""], codes } of codeKeys) {
    for (const language of supportedLanguages) {
      it(`${language}/${namespace} has ${prefix || "each"}.<code>${suffixes.join("|")} for each of its ${codes.length} codes`, () => {
        const strings = flatten((resources[language] as Record<string, Tree>)[namespace]!);
        const missing = codes.flatMap((code) => suffixes.map((suffix) => (prefix ? `${prefix}.${code}${suffix}` : `${code}${suffix}`))).filter((key) => !strings.has(key));
        expect(missing).toEqual([]);
      });
    }
  }

  it("forWhom has the words for whom each need can be for, answering for oneself or for someone cared for, in every language", () => {
    for (const language of supportedLanguages) {
      const strings = flatten(resources[language].forWhom as Tree);
      for (const helpFor of helpForOptions) {
        for (const subject of needSubjects) expect(strings.has(subjectLabelKey(subject, { helpFor })), `${language}: ${subject} (${helpFor})`).toBe(true);
      }
    }
  });
});

describe("questionnaire texts", () => {
  const english = flatten(resources.en.questionnaire as unknown as Tree);

  it("exist for every question, field, option and error message of the questionnaire", () => {
    const missing: string[] = [];
    const need = (key: string) => {
      if (!english.has(key)) missing.push(key);
    };
    for (const step of stepIds) {
      need(`steps.${step}.title`);
      need(`steps.${step}.hint`);
      for (const field of stepFields[step]) {
        need(`steps.${step}.fields.${field.name}.label`);
        if (field.name === "municipality") continue; // names come from pathways/areas.ts
        for (const option of field.options ?? []) need(`steps.${step}.fields.${field.name}.options.${option}`);
      }
    }
    for (const key of screeningErrorKeys) need(key.replace(/^questionnaire\./, ""));
    expect(missing).toEqual([]);
  });
});
