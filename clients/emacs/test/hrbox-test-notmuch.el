;;; hrbox-test-notmuch.el --- Drive hrbox.el through notmuch in batch mode -*- lexical-binding: t -*-

;;; Commentary:

;; The end-to-end test runs
;;
;;   emacs --batch -Q -L FOLDER -L FOLDER/test -l hrbox-test-notmuch.el
;;
;; with a temporary $HOME, a notmuch database of two messages and an
;; hrbox store holding the sample people.  The driver opens each message
;; with `notmuch-show', runs the hrbox commands with the answers to their
;; prompts given below, and prints what happened to stdout, one line per
;; step, for the test to check.  It exits with status 1 on the first
;; unexpected outcome.
;;
;; Environment: HRBOX_TEST_PROGRAM (the hrbox executable),
;; HRBOX_TEST_STORE and HRBOX_TEST_CONFIG (passed as --store and --config),
;; and optionally HRBOX_TEST_NOTMUCH_LISP, the folder holding notmuch.el.

;;; Code:

(require 'hrbox-test-support)

(defconst hrbox-test-sick-note "id:sick-note-1187@example.net"
  "The notmuch query of the message from Jürgen Weißmüller.")

(defconst hrbox-test-unknown-sender "id:question-1@example.com"
  "The notmuch query of the message from a sender who is no person.")

(defun hrbox-test-load-notmuch ()
  "Load notmuch.el, which `emacs -Q' leaves off the load path."
  (hrbox-test-add-package "HRBOX_TEST_NOTMUCH_LISP" "/usr/share/emacs/site-lisp/elpa/notmuch-*"
                          "notmuch.el (elpa-notmuch)")
  (require 'notmuch))

;;;; The steps

(defun hrbox-test-open (query)
  "Open the message QUERY with `notmuch-show' and return its buffer."
  (notmuch-show query)
  (unless (derived-mode-p 'notmuch-show-mode)
    (hrbox-test-fail "notmuch-show did not open %s" query))
  (current-buffer))

(defun hrbox-test-sick-note-steps ()
  "Look up, start a case, store and plan a to-do for the sick note.
The `*hrbox*' buffer is printed after the commands that change what it
shows, without looking the message up again."
  (with-current-buffer (hrbox-test-open hrbox-test-sick-note)
    (hrbox-test-run "lookup" nil #'hrbox-lookup)
    (hrbox-test-print-lookup-buffer "first")

    (hrbox-test-expect-user-error
     "add-case with an impossible date"
     '(("Case type" . "Sick leave") ("Start date" . "2026-02-30"))
     #'hrbox-add-case)
    (hrbox-test-expect-user-error
     "addCase request that hrbox rejects"
     nil
     (lambda () (hrbox--request 'hrbox/addCase '(:personId 1 :caseTypeId 1 :startDate "2026-13-01"))))
    (hrbox-test-run "add-case" '(("Case type" . "Sick leave") ("Start date" . "2026-11-30"))
                    #'hrbox-add-case)
    (hrbox-test-print-lookup-buffer "after add-case")

    (hrbox-test-expect-user-error
     "store over the size limit"
     nil
     (lambda ()
       (let ((hrbox-arguments (append hrbox-arguments '("--max-message-bytes" "600"))))
         (hrbox-store))))
    (hrbox-test-run "store to the person found" nil #'hrbox-store)
    (hrbox-test-print-lookup-buffer "after store")
    (hrbox-test-run "store with a chosen case"
                    '(("Person" . nil) ("File for" . "Sick leave 2026-11-30 (Sick leave, since 2026-11-30)"))
                    (lambda () (hrbox-store '(4))))
    (hrbox-test-run "store for a person found by a search"
                    '(("Person" . "NW-1042"))
                    (lambda () (hrbox-store '(4))))

    (hrbox-test-run "store for a second person"
                    '(("File for" . nil) ("Search person" . "novak"))
                    #'hrbox-store-second)

    (hrbox-test-run "add-todo"
                    '(("To-do" . "Ask for the follow-up certificate")
                      ("Assigned to" . "Paul Weiss (pweiss)")
                      ("Shared with" . ("Mara Keller (mkeller)"))
                      ("Due date" . "2026-12-07")
                      ("Case for the to-do" . "Sick leave 2026-11-30 (Sick leave, since 2026-11-30)"))
                    #'hrbox-add-todo)

    (hrbox-test-run "lookup after storing" nil #'hrbox-lookup)
    (hrbox-test-print-lookup-buffer "last")))

(defun hrbox-test-unknown-sender-steps ()
  "Try to store a message whose sender is no person."
  (with-current-buffer (hrbox-test-open hrbox-test-unknown-sender)
    (hrbox-test-run "lookup of the unknown sender" nil #'hrbox-lookup)
    (hrbox-test-print-lookup-buffer "unknown sender")
    (hrbox-test-expect-user-error "store from the unknown sender" nil #'hrbox-store)
    (hrbox-test-expect-user-error "add-person with an invalid address"
                                  '(("Address" . "zoe.angstrom"))
                                  #'hrbox-add-person)
    (hrbox-test-run "add-person"
                    '(("Address" . nil) ("First name" . nil) ("Last name" . nil)
                      ("Status" . "applicant") ("Employee number" . ""))
                    #'hrbox-add-person)
    (hrbox-test-print-lookup-buffer "after add-person")
    (hrbox-test-run "store after registering the sender" nil #'hrbox-store)))

(defun hrbox-test-search-list-steps ()
  "Look up the newest message of a thread from a notmuch search list."
  (notmuch-search hrbox-test-unknown-sender)
  (hrbox-test-wait-until "the notmuch search list"
                         (lambda () (notmuch-search-find-thread-id)))
  (hrbox-test-run "lookup from the search list" nil #'hrbox-lookup)
  (hrbox-test-print-lookup-buffer "search list"))

(defun hrbox-test-stop ()
  "Stop the server and print how its process ended."
  (let ((process hrbox--process))
    (unless process
      (hrbox-test-fail "no hrbox process is running before hrbox-stop"))
    (hrbox-test-print "STOP returned %S" (hrbox-stop))
    (hrbox-test-print "PROCESS %s %d" (process-status process) (process-exit-status process))))

(defun hrbox-test-main ()
  "Run every step, exiting with status 1 on an unexpected error."
  (condition-case failure
      (progn
        (hrbox-test-load-notmuch)
        (hrbox-test-configure-server)
        (hrbox-test-sick-note-steps)
        (hrbox-test-unknown-sender-steps)
        (hrbox-test-search-list-steps)
        (hrbox-test-stop))
    (error (hrbox-test-fail "%s" (error-message-string failure)))))

(hrbox-test-main)

;;; hrbox-test-notmuch.el ends here
