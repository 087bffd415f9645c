// The interactive page of the admin API: reads Warden's own OpenAPI document, lists the operations, and sends
// requests with the key typed above. Everything is built with DOM calls and textContent, never HTML strings, so
// nothing a response contains can run as code. The key is kept only in this page's memory.
"use strict";

const METHODS = ["get", "post", "patch", "delete"];
let documentRoot = null;

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (name === "text") {
      node.textContent = value;
    } else {
      node.setAttribute(name, value);
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined) {
      node.append(child);
    }
  }
  return node;
}

function resolve(schema) {
  if (schema && schema.$ref) {
    return schema.$ref.substring(2).split("/").reduce((node, part) => node[part], documentRoot);
  }
  return schema;
}

async function load() {
  const nav = document.getElementById("operations");
  try {
    const response = await fetch("/admin/v1/openapi.json");
    documentRoot = await response.json();
  } catch (failure) {
    nav.replaceChildren(element("p", { class: "hint", text: "Could not load the OpenAPI document: " + failure }));
    return;
  }
  const byTag = new Map();
  for (const [path, item] of Object.entries(documentRoot.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) {
        continue;
      }
      const tag = (operation.tags || ["other"])[0];
      if (!byTag.has(tag)) {
        byTag.set(tag, []);
      }
      byTag.get(tag).push({ path, method: method.toUpperCase(), operation });
    }
  }
  nav.replaceChildren();
  const order = (documentRoot.tags || []).map((tag) => tag.name);
  const tags = [...byTag.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  for (const tag of tags) {
    nav.append(element("h2", { text: tag }));
    for (const entry of byTag.get(tag)) {
      const button = element("button", { type: "button", title: entry.operation.summary || "" },
        element("span", { class: "method " + entry.method, text: entry.method }),
        element("span", { class: "path", text: entry.path.replace("/admin/v1", "") }));
      button.addEventListener("click", () => {
        for (const other of nav.querySelectorAll("button.current")) {
          other.classList.remove("current");
        }
        button.classList.add("current");
        show(entry);
      });
      nav.append(button);
    }
  }
}

function show(entry) {
  const { path, method, operation } = entry;
  const section = document.getElementById("operation");
  const parameters = operation.parameters || [];
  const inputs = new Map();
  const fieldsets = [];
  for (const where of ["path", "query"]) {
    const own = parameters.filter((parameter) => parameter.in === where);
    if (own.length === 0) {
      continue;
    }
    const fieldset = element("fieldset", {}, element("legend", { text: where === "path" ? "Path" : "Query" }));
    for (const parameter of own) {
      const input = element("input", { name: parameter.name, placeholder: parameter.description || "" });
      inputs.set(where + ":" + parameter.name, input);
      fieldset.append(element("label", { class: "field" }, element("span", { text: parameter.name }), input));
    }
    fieldsets.push(fieldset);
  }
  let body = null;
  let contentType = null;
  if (operation.requestBody) {
    const [type, media] = Object.entries(operation.requestBody.content)[0];
    contentType = type;
    body = element("textarea", { spellcheck: "false" });
    if (media.example !== undefined) {
      body.value = typeof media.example === "string" ? media.example : JSON.stringify(media.example, null, 2);
    } else if (type === "application/json") {
      body.value = "{\n}";
    }
    fieldsets.push(element("fieldset", {}, element("legend", { text: "Body (" + type + ")" }), body));
  }
  const result = element("div");
  const send = element("button", { type: "button", class: "send", text: "Send" });
  send.addEventListener("click", () => call(path, method, parameters, inputs, body, contentType, result, operation));
  section.replaceChildren(
    element("h2", {}, element("span", { class: "method " + method, text: method }),
      element("span", { class: "path", text: path })),
    element("p", { text: operation.summary || "" }),
    element("p", { class: "description", text: operation.description || "" }),
    ...fieldsets, send, result);
}

async function call(path, method, parameters, inputs, body, contentType, result, operation) {
  let url = path;
  for (const parameter of parameters.filter((p) => p.in === "path")) {
    url = url.replace("{" + parameter.name + "}", encodeURIComponent(inputs.get("path:" + parameter.name).value.trim()));
  }
  const query = new URLSearchParams();
  for (const parameter of parameters.filter((p) => p.in === "query")) {
    const value = inputs.get("query:" + parameter.name).value.trim();
    if (value !== "") {
      query.set(parameter.name, value);
    }
  }
  if ([...query.keys()].length > 0) {
    url += "?" + query.toString();
  }
  const headers = {};
  const key = document.getElementById("key").value.trim();
  const open = Array.isArray(operation.security) && operation.security.length === 0;
  if (key !== "" && !open) {
    headers["Authorization"] = "Bearer " + key;
  }
  const init = { method, headers };
  if (body && body.value.trim() !== "") {
    headers["Content-Type"] = contentType;
    init.body = body.value;
  }
  result.replaceChildren(element("p", { class: "status hint", text: method + " " + url + " …" }));
  try {
    const started = performance.now();
    const response = await fetch(url, init);
    const text = await response.text();
    let shown = text;
    try {
      shown = JSON.stringify(JSON.parse(text), null, 2);
    } catch (notJson) {
      // Shown as it came.
    }
    const millis = Math.round(performance.now() - started);
    const requestId = response.headers.get("x-request-id");
    result.replaceChildren(
      element("p", { class: "status " + (response.ok ? "ok" : "fail"),
        text: response.status + " " + response.statusText + " · " + millis + " ms"
          + (requestId ? " · " + requestId : "") }),
      element("pre", { text: shown === "" ? "(empty body)" : shown }));
  } catch (failure) {
    result.replaceChildren(element("p", { class: "status fail", text: "The request failed: " + failure }));
  }
}

document.addEventListener("DOMContentLoaded", load);
