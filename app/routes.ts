import { index, route, type RouteConfig } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("screening/start", "routes/screening-start.ts"),
  route("screening/check-answers", "routes/screening-check-answers.tsx"),
  route("screening/complete", "routes/screening-complete.tsx"),
  route("screening/urgent-help", "routes/screening-urgent-help.tsx"),
  route("screening/save", "routes/screening-save.tsx"),
  route("screening/extend", "routes/screening-extend.ts"),
  route("screening/timed-out", "routes/screening-timed-out.tsx"),
  route("screening/consent", "routes/screening-consent.tsx"),
  route("screening/resume", "routes/screening-resume.tsx"),
  route("screening/:step", "routes/screening-step.tsx"),
  route("feedback", "routes/feedback.tsx"),
  route("track", "routes/track.tsx"),
  route("track/referrals", "routes/track-referrals.tsx"),
  route("services", "routes/services.tsx"),
  route("services/:serviceId", "routes/service.tsx"),
  route("accessibility", "routes/accessibility.tsx"),
  route("privacy", "routes/privacy.tsx"),
  route("healthz", "routes/healthz.ts"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
