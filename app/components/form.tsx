import { useEffect, useRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";

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
  const { t } = useTranslation();
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
 * The list of problems at the top of the page. It takes focus when it appears, so
 * keyboard and screen reader users land on it; `autoFocus` does the same without JavaScript.
 */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [errors]);
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

interface TextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Render the label as the page heading (one question per page). */
  labelIsPageHeading?: boolean;
}

export function TextInput({ id, name, label, hint, error, labelIsPageHeading, className, ...inputProps }: TextInputProps) {
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
      <input
        id={id}
        name={name}
        className={["input", error ? "input--error" : "", className ?? ""].filter(Boolean).join(" ")}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={error ? true : undefined}
        {...inputProps}
      />
    </div>
  );
}

interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name"> {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
}

export function Select({ id, name, label, hint, error, children, ...selectProps }: SelectProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? "form-group form-group--error" : "form-group"}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={hintId} className="hint">
          {hint}
        </div>
      ) : null}
      {error && errorId ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
      <select
        id={id}
        name={name}
        className={error ? "select select--error" : "select"}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={error ? true : undefined}
        {...selectProps}
      >
        {children}
      </select>
    </div>
  );
}

export interface ChoiceItem {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
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
              <div className={`${block}__item`} key={item.value}>
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
              </div>
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
}: { children: ReactNode; variant?: "primary" | "secondary" | "warning" } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button type="submit" className={`button button--${variant}`} {...buttonProps}>
      {children}
    </button>
  );
}
