import {
  Fragment,
  useEffect,
  useRef,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
} from "react";
import { useNamespaceText } from "#app/i18n/use-namespace-text.ts";

/**
 * Form components in the GOV.UK Design System patterns: a label or legend for every
 * control, hint and error tied to the control with aria-describedby, and an error
 * message prefixed with a visually hidden "Error:" for screen reader users.
 */

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(" ");
  return joined || undefined;
}

export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  const t = useNamespaceText("common");
  return (
    <p id={id} className="error-message">
      <span className="visually-hidden">{t("form.errorPrefix")}: </span>
      {children}
    </p>
  );
}

export interface FieldError {
  /** The id of the control the summary links to. */
  fieldId: string;
  message: string;
}

/**
 * The list of problems at the top of the page. It takes focus when a submission brings
 * it up, so keyboard and screen reader users land on it (`autoFocus` does the same
 * without JavaScript); messages that change as the person corrects a field leave the
 * focus where they are typing.
 */
export function ErrorSummary({ errors, submission }: { errors: FieldError[]; submission: unknown }) {
  const t = useNamespaceText("common");
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [submission]);
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} autoFocus aria-labelledby="error-summary-title" role="alert">
      <h2 className="error-summary__title" id="error-summary-title">
        {t("form.errorSummaryTitle")}
      </h2>
      <ul className="error-summary__list">
        {errors.map((error) => (
          <li key={error.fieldId}>
            <a href={`#${error.fieldId}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Render the label as the page heading (one question per page). */
  labelIsPageHeading?: boolean;
  /** Renders the control, given the ids it must point to with aria-describedby. */
  children: (describedById: string | undefined) => ReactNode;
}

/** Label, hint and error around one control: the part every single-control field shares. */
function Field({ id, label, hint, error, labelIsPageHeading, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const labelElement = (
    <label className={labelIsPageHeading ? "label label--heading" : "label"} htmlFor={id}>
      {label}
    </label>
  );
  return (
    <div className={error ? "form-group form-group--error" : "form-group"}>
      {labelIsPageHeading ? <h1 className="label-wrapper">{labelElement}</h1> : labelElement}
      {hint ? (
        <div id={hintId} className="hint">
          {hint}
        </div>
      ) : null}
      {error && errorId ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
      {children(describedBy(hintId, errorId))}
    </div>
  );
}

type TextInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "children"> &
  Omit<FieldProps, "children"> & { name: string };

export function TextInput({
  id,
  name,
  label,
  hint,
  error,
  labelIsPageHeading,
  className,
  ...inputProps
}: TextInputProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} labelIsPageHeading={labelIsPageHeading ?? false}>
      {(describedById) => (
        <input
          id={id}
          name={name}
          className={["input", error ? "input--error" : "", className ?? ""].filter(Boolean).join(" ")}
          aria-describedby={describedById}
          aria-invalid={error ? true : undefined}
          {...inputProps}
        />
      )}
    </Field>
  );
}

type TextareaProps = Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name" | "children"> &
  Omit<FieldProps, "children" | "labelIsPageHeading"> & { name: string };

export function Textarea({ id, name, label, hint, error, ...textareaProps }: TextareaProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(describedById) => (
        <textarea
          id={id}
          name={name}
          rows={5}
          className={error ? "textarea textarea--error" : "textarea"}
          aria-describedby={describedById}
          aria-invalid={error ? true : undefined}
          {...textareaProps}
        />
      )}
    </Field>
  );
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name"> &
  Omit<FieldProps, "children" | "labelIsPageHeading"> & { name: string; children: ReactNode };

export function Select({ id, name, label, hint, error, children, ...selectProps }: SelectProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(describedById) => (
        <select
          id={id}
          name={name}
          className={error ? "select select--error" : "select"}
          aria-describedby={describedById}
          aria-invalid={error ? true : undefined}
          {...selectProps}
        >
          {children}
        </select>
      )}
    </Field>
  );
}

export interface ChoiceItem {
  value: string;
  label: ReactNode;
  hint?: ReactNode | undefined;
  /** A word shown before this item, e.g. "or" before an exclusive "None of these". */
  divider?: string;
  /**
   * Shown under this item only while it is checked (GOV.UK conditional reveal). The
   * stylesheet shows and hides it, so it works without JavaScript; hidden, it is out of
   * the tab order and of what a screen reader reads, and comes right after its item once shown.
   */
  conditional?: ReactNode;
}

interface ChoicesProps {
  /** Used for the first control's id, so an error summary link lands on it. */
  id: string;
  name: string;
  legend: ReactNode;
  /** Render the legend as the page heading (one question per page). */
  legendIsPageHeading?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
  items: ChoiceItem[];
}

function Choices({
  type,
  id,
  name,
  legend,
  legendIsPageHeading,
  hint,
  error,
  items,
  isChecked,
}: ChoicesProps & { type: "radio" | "checkbox"; isChecked: (value: string) => boolean }) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const block = type === "radio" ? "radios" : "checkboxes";
  return (
    <div className={error ? "form-group form-group--error" : "form-group"}>
      <fieldset className="fieldset" aria-describedby={describedBy(hintId, errorId)}>
        <legend className={legendIsPageHeading ? "fieldset__legend fieldset__legend--heading" : "fieldset__legend"}>
          {legendIsPageHeading ? <h1 className="fieldset__heading">{legend}</h1> : legend}
        </legend>
        {hint ? (
          <div id={hintId} className="hint">
            {hint}
          </div>
        ) : null}
        {error && errorId ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
        <div className={block}>
          {items.map((item, index) => {
            const itemId = index === 0 ? id : `${id}-${index + 1}`;
            const itemHintId = item.hint ? `${itemId}-hint` : undefined;
            return (
              <Fragment key={item.value}>
                {item.divider ? <div className={`${block}__divider`}>{item.divider}</div> : null}
                <div className={`${block}__item`}>
                  <input
                    className={`${block}__input`}
                    id={itemId}
                    name={name}
                    type={type}
                    value={item.value}
                    defaultChecked={isChecked(item.value)}
                    aria-describedby={itemHintId}
                  />
                  <label className={`${block}__label`} htmlFor={itemId}>
                    {item.label}
                  </label>
                  {item.hint ? (
                    <div id={itemHintId} className={`hint ${block}__hint`}>
                      {item.hint}
                    </div>
                  ) : null}
                  {item.conditional ? <div className={`${block}__conditional`}>{item.conditional}</div> : null}
                </div>
              </Fragment>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Radios(props: ChoicesProps & { value?: string | undefined }) {
  return <Choices {...props} type="radio" isChecked={(value) => value === props.value} />;
}

export function Checkboxes(props: ChoicesProps & { values?: readonly string[] | undefined }) {
  return <Choices {...props} type="checkbox" isChecked={(value) => props.values?.includes(value) ?? false} />;
}

export function Button({
  children,
  variant = "primary",
  ...buttonProps
}: {
  children: ReactNode;
  variant?: "primary" | "secondary" | "warning";
} & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button type="submit" className={`button button--${variant}`} {...buttonProps}>
      {children}
    </button>
  );
}
