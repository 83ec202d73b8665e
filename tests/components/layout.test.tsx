// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { pageNumbers, Pagination, Panel, SummaryList, Tag } from "#app/components/content.tsx";
import { BackLink, Footer, Header, SkipLink } from "#app/components/layout.tsx";
import { renderWithApp } from "../support/render.tsx";

afterEach(cleanup);

describe("Header", () => {
  it("offers the other languages as links to the same page and query", async () => {
    await renderWithApp(<Header language="fi" />, { language: "fi", path: "/services?q=kotihoito&page=2" });
    const switcher = screen.getByRole("navigation", { name: "Kieli" });
    expect(within(switcher).getByRole("link", { name: "Svenska" }).getAttribute("href")).toBe(
      "/services?q=kotihoito&page=2&lng=sv",
    );
    expect(within(switcher).getByRole("link", { name: "English" }).getAttribute("lang")).toBe("en");
    expect(within(switcher).queryByRole("link", { name: "Suomi" })).toBeNull();
    expect(within(switcher).getByText("Suomi").getAttribute("aria-current")).toBe("true");
  });

  it("marks the current section in the service navigation", async () => {
    await renderWithApp(<Header language="en" />, { path: "/services" });
    const navigation = screen.getByRole("navigation", { name: "Menu" });
    expect(within(navigation).getByRole("link", { name: "Find services" }).getAttribute("aria-current")).toBe("page");
    expect(within(navigation).getByRole("link", { name: "Home" }).getAttribute("aria-current")).toBeNull();
  });
});

describe("page furniture", () => {
  it("skip link targets the main content", async () => {
    await renderWithApp(<SkipLink />);
    expect(screen.getByRole("link", { name: "Skip to main content" }).getAttribute("href")).toBe("#main-content");
  });

  it("footer links to the accessibility statement", async () => {
    await renderWithApp(<Footer />, { language: "sv" });
    expect(screen.getByRole("link", { name: "Tillgänglighetsutlåtande" }).getAttribute("href")).toBe("/accessibility");
  });

  it("back link says Back unless told otherwise", async () => {
    await renderWithApp(<BackLink to="/services" />);
    expect(screen.getByRole("link", { name: "Back" }).getAttribute("href")).toBe("/services");
  });

  it("summary list, tag and panel render their content", async () => {
    await renderWithApp(
      <>
        <SummaryList rows={[{ key: "Cost", value: "Free" }]} />
        <Tag colour="green">Accepted</Tag>
        <Panel title="Referral sent">Your reference is LK-1234</Panel>
      </>,
    );
    expect(screen.getByText("Cost").tagName).toBe("DT");
    expect(screen.getByText("Free").tagName).toBe("DD");
    expect(screen.getByText("Accepted").className).toBe("tag tag--green");
    expect(screen.getByRole("heading", { level: 1, name: "Referral sent" })).toBeTruthy();
  });
});

describe("Pagination", () => {
  it("shows the first, last and neighbouring pages with gaps", () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(1, 3)).toEqual([1, 2, 3]);
    expect(pageNumbers(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    expect(pageNumbers(10, 10)).toEqual([1, null, 9, 10]);
  });

  it("links every page, marks the current one and omits previous on the first", async () => {
    await renderWithApp(<Pagination page={1} pageCount={4} hrefFor={(page) => `/services?page=${page}`} />);
    const navigation = screen.getByRole("navigation", { name: "Pages of results" });
    expect(within(navigation).queryByRole("link", { name: "Previous page" })).toBeNull();
    expect(within(navigation).getByRole("link", { name: "Next page" }).getAttribute("href")).toBe("/services?page=2");
    expect(within(navigation).getByRole("link", { name: "Page 1" }).getAttribute("aria-current")).toBe("page");
  });
});

describe("on every page", () => {
  it("the header says, under the menu, that this is a demonstration with an invented region", async () => {
    await renderWithApp(<Header language="fi" />, { language: "fi" });
    const banner = screen.getByRole("banner");
    expect(within(banner).getByText("Esittely").tagName).toBe("STRONG");
    expect(banner.textContent).toContain("Järvimaan alue, sen palvelut ja ihmiset ovat keksittyjä. Älä anna oikeita henkilötietojasi.");
  });

  it("the footer links to help, contact, the privacy notice and the accessibility statement", async () => {
    await renderWithApp(<Footer />);
    const links = within(screen.getByRole("contentinfo")).getAllByRole("link");
    expect(links.map((link) => [link.textContent, link.getAttribute("href")])).toEqual([
      ["Help", "/help"],
      ["Contact", "/contact"],
      ["Privacy notice", "/privacy"],
      ["Accessibility statement", "/accessibility"],
    ]);
  });
});
