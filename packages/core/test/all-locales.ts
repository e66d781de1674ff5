import { addAllFieldErrorCatalogs } from '../src/form/field-error-catalogs.js';

// Servers add every language's field error messages at start; core's tests run as a server does.
addAllFieldErrorCatalogs();
