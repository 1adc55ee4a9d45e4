/** The exception inbox page: open supply-chain exceptions listed, inspected and resolved (UI-2, EXC-2). */
package org.custodia.exceptions.interfaces.web;
